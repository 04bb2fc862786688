from collections import Counter
c = Counter(['a', 'b', 'a', 'c', 'a', 'b'])
print(c.most_common(), c['a'], c['zz'], len(c), sorted(c))
# Expected:
# [('a', 3), ('b', 2), ('c', 1)] 3 0 3 ['a', 'b', 'c']
