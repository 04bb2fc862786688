import itertools
print(list(itertools.chain([1, 2], 'ab')), list(itertools.islice(itertools.count(10), 3)))
print(list(itertools.product('ab', [0, 1])), list(itertools.combinations([1, 2, 3], 2)))
print(list(itertools.permutations('abc', 2))[:3], list(itertools.accumulate([1, 2, 3, 4])))
print([(k, list(g)) for k, g in itertools.groupby('aabbbc')], list(itertools.repeat('x', 3)))
print(list(itertools.zip_longest('ab', 'xyz', fillvalue='-')), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
# Expected:
# [1, 2, 'a', 'b'] [10, 11, 12]
# [('a', 0), ('a', 1), ('b', 0), ('b', 1)] [(1, 2), (1, 3), (2, 3)]
# [('a', 'b'), ('a', 'c'), ('b', 'a')] [1, 3, 6, 10]
# [('a', ['a', 'a']), ('b', ['b', 'b', 'b']), ('c', ['c'])] ['x', 'x', 'x']
# [('a', 'x'), ('b', 'y'), ('-', 'z')] [8, 9]
