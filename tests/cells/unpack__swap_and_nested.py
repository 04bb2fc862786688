a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
[x, [y, z]] = [1, [2, 3]]
print(x, y, z)
first, *_ = 'hello'
print(first, _)
# Expected:
# 3 1 2
# 1 2 3
# h ['e', 'l', 'l', 'o']
