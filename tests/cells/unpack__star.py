a, *b = [1, 2, 3, 4]
print(a, b)
*c, d = 'xyz'
print(c, d)
e, *f, g = range(5)
print(e, f, g)
(h, i), j = (1, 2), 3
print(h, i, j)
x = y = 7
print(x, y)
x, y = y + 1, x - 1
print(x, y)
print([*range(3), *'ab'], (*[1], 2), {**{'a': 1}, 'b': 2})
# Expected:
# 1 [2, 3, 4]
# ['x', 'y'] z
# 0 [1, 2, 3] 4
# 1 2 3
# 7 7
# 8 6
# [0, 1, 2, 'a', 'b'] (1, 2) {'a': 1, 'b': 2}
