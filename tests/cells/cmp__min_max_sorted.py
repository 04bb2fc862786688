print(min(3, 1, 2), max([4, 9, 2]), min('hello'), max([], default=0))
print(sorted([3, 1, 2]), sorted('bca'), sorted([3, 1, 2], reverse=True))
print(sorted(['bb', 'a', 'ccc'], key=len), max(['bb', 'a', 'ccc'], key=len))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z')]))
# Expected:
# 1 9 e 0
# [1, 2, 3] ['a', 'b', 'c'] [3, 2, 1]
# ['a', 'bb', 'ccc'] ccc
# [(0, 'z'), (1, 'a'), (1, 'b')]
