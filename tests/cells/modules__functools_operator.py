from functools import reduce, partial
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [1, 2, 3], 10))
p = partial(pow, 2)
print(p(10), partial(print, sep='-')('a', 'b'))
print(operator.mul(3, 4), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)('abc'))
print(sorted([(1, 'b'), (0, 'a')], key=operator.itemgetter(1)))
# Expected:
# 10 60
# a-b
# 1024 None
# 12 6 ('a', 'c')
# [(0, 'a'), (1, 'b')]
