d = dict(a=1)
print(d.get('a', 9), d.get('b', 9), dict(d, b=2), dict({'x': 1}, y=2))
# Expected:
# 1 9 {'a': 1, 'b': 2} {'x': 1, 'y': 2}
