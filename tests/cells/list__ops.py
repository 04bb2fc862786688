a = [1, 2] + [3]
print(a, a * 2, [0] * 3, 2 in a, [[1, 2], [3]])
b = a
b += [4]
print(a, a is b)
print(list('abc'), list(range(3)), list((1, 2)), list({'k': 1}))
# Expected:
# [1, 2, 3] [1, 2, 3, 1, 2, 3] [0, 0, 0] True [[1, 2], [3]]
# [1, 2, 3, 4] True
# ['a', 'b', 'c'] [0, 1, 2] [1, 2] ['k']
