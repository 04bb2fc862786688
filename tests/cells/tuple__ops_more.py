t = (3, 1, 2)
print(sorted(t), min(t), t < (3, 2), (1, 2) + (3,), t[::-1], tuple(x * 2 for x in t), hash((1, 2)) == hash((1, 2)))
a = 1,
b = (1)
print(a, b, type(a).__name__, type(b).__name__, () == tuple())
# Expected:
# [1, 2, 3] 1 True (1, 2, 3) (2, 1, 3) (6, 2, 4) True
# (1,) 1 tuple int True
