fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
# Expected:
# [2, 2, 2]
# [0, 1, 2]
