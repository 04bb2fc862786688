d = {'x': 1, 'y': 2}
(k1, v1), (k2, v2) = d.items()
print(k1, v1, k2, v2)
a, b = d
print(a, b)
# Expected:
# x 1 y 2
# x y
