from itertools import count, islice, chain, combinations, product
print(list(islice(count(0, 5), 4)), list(islice('abcdef', 1, 5, 2)), list(chain.from_iterable(['ab', 'cd'])) if hasattr(chain, 'from_iterable') else list('abcd'))
print(len(list(combinations(range(5), 3))), list(product([1, 2], repeat=2)))
# Expected:
# [0, 5, 10, 15] ['b', 'd'] ['a', 'b', 'c', 'd']
# 10 [(1, 1), (1, 2), (2, 1), (2, 2)]
