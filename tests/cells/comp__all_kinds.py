print([x * x for x in range(6) if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print({c for c in 'hello'} == set('helo'), sum(x for x in range(101)))
print([[j for j in range(i)] for i in range(4)])
x = 'outer'
print([x for x in 'ab'], x)
print(list(map(lambda v: v + 1, [1, 2])), list(filter(None, [0, 1, '', 'a'])))
print(any(v > 2 for v in [1, 3]), all([]), any([]))
# Expected:
# [0, 4, 16]
# [(1, 0), (2, 0), (2, 1)]
# True 5050
# [[], [0], [0, 1], [0, 1, 2]]
# ['a', 'b'] outer
# [2, 3] [1, 'a']
# True True False
