a = [[0] * 2] * 2
a[0][0] = 1
print(a)
b = [[0] * 2 for _ in range(2)]
b[0][0] = 1
print(b)
c = a[:]
c.append(9)
print(len(a), len(c), a[0] is c[0])
# Expected:
# [[1, 0], [1, 0]]
# [[1, 0], [0, 0]]
# 2 3 True
