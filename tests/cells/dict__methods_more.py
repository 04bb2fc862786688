d = {'a': 1, 'b': 2, 'c': 3}
print(d.popitem(), d, d.pop('zz', 'dflt'), len(d))
c = d.copy()
c['a'] = 100
print(d, c, {**d, **c})
print(sorted(d.items(), key=lambda kv: -kv[1]), max(d, key=d.get), list(d.values()))
d.clear()
print(d, bool(d))
# Expected:
# ('c', 3) {'a': 1, 'b': 2} dflt 2
# {'a': 1, 'b': 2} {'a': 100, 'b': 2} {'a': 100, 'b': 2}
# [('b', 2), ('a', 1)] b [1, 2]
# {} False
