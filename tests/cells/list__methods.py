a = [3, 1, 2]
a.append(5)
a.extend([7, 8])
a.insert(0, 9)
print(a, len(a))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, a.index(2), a.count(2))
a.sort()
print(a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b)
a.sort(key=lambda v: -v)
print(a)
# Expected:
# [9, 3, 1, 2, 5, 7, 8] 7
# 8 9 [3, 1, 2, 5, 7]
# [3, 2, 5, 7] 1 1
# [2, 3, 5, 7]
# [7, 5, 3, 2]
# [7, 5, 3, 2] []
# [7, 5, 3, 2]
