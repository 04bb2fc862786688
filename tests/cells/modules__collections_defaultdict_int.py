from collections import defaultdict
d = defaultdict(int)
for w in 'a b a c a'.split():
    d[w] += 1
print(sorted(d.items()), d['missing'], len(d))
# Expected:
# [('a', 3), ('b', 1), ('c', 1)] 0 4
