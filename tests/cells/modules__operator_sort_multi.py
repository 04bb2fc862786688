from operator import itemgetter
data = [('b', 2, 'x'), ('a', 2, 'y'), ('c', 1, 'z')]
print(sorted(data, key=itemgetter(1, 0)), list(map(itemgetter(2), data)))
# Expected:
# [('c', 1, 'z'), ('a', 2, 'y'), ('b', 2, 'x')] ['x', 'y', 'z']
