pairs = [(1, 'a'), (2, 'b')]
for n, (c,) in [(1, 'x'), (2, 'y')]:
    print(n, c)
for i, (n, c) in enumerate(pairs):
    print(i, n, c)
for *init, last in [[1, 2, 3], [4, 5]]:
    print(init, last)
# Expected:
# 1 x
# 2 y
# 0 1 a
# 1 2 b
# [1, 2] 3
# [4] 5
