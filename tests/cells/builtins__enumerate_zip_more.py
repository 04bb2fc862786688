print(list(zip()), list(zip('abc')), dict(enumerate('xy')), list(zip(range(3), range(10))))
for i, (a, b) in enumerate(zip('ab', 'cd')):
    print(i, a + b)
# Expected:
# [] [('a',), ('b',), ('c',)] {0: 'x', 1: 'y'} [(0, 0), (1, 1), (2, 2)]
# 0 ac
# 1 bd
