a = [1, 2, 3]
b = a
a[:] = [9]
print(a, b)
c = a[:]
c.append(0)
print(a, c, a[::-1], a[5:], a[-10:])
# Expected:
# [9] [9]
# [9] [9, 0] [9] [] [9]
