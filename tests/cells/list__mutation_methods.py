a = list(range(5))
a[1:3] = []
print(a)
a[1:1] = ['x', 'y']
print(a)
a[::2] = [0, 0, 0]
print(a)
print(a.pop(-2), a)
a.insert(-1, 'z')
a.insert(100, 'end')
a.insert(-100, 'start')
print(a)
# Expected:
# [0, 3, 4]
# [0, 'x', 'y', 3, 4]
# [0, 'x', 0, 3, 0]
# 3 [0, 'x', 0, 0]
# ['start', 0, 'x', 0, 'z', 0, 'end']
