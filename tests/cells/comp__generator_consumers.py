print(sum(i * i for i in range(10)), max(len(w) for w in 'a bb ccc'.split()), list(x for x in 'ab'))
g = (i for i in range(3))
print(next(g), list(g), list(g))
print(sorted((v for v in [3, 1, 2]), reverse=True), tuple(i for i in range(3)), set(c for c in 'aab') == {'a', 'b'})
# Expected:
# 285 3 ['a', 'b']
# 0 [1, 2] []
# [3, 2, 1] (0, 1, 2) True
