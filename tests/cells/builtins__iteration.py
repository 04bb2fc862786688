print(list(enumerate('abc')), list(zip([1, 2], [3, 4], [5, 6])))
print(list(reversed([1, 2, 3])), sum([1, 2, 3], 10), sum([0.1] * 10))
it = iter([1, 2, 3])
print(next(it), list(it))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=lambda p: p[1]))
print(max([1, 5, 3], key=lambda v: -v), min([], default='empty'))
# Expected:
# [(0, 'a'), (1, 'b'), (2, 'c')] [(1, 3, 5), (2, 4, 6)]
# [3, 2, 1] 16 0.9999999999999999
# 1 [2, 3]
# ['1', '2'] [3, 8]
# [('c', 1), ('b', 2), ('a', 2)]
# 1 empty
