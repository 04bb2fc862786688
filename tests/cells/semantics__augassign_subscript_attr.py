class C:
    def __init__(self):
        self.n = 1
        self.items = {'a': [1]}
c = C()
c.n += 2
c.n *= 3
c.items['a'] += [2]
c.items.setdefault('b', []).append(3)
print(c.n, c.items)
m = [[0] * 2 for _ in range(2)]
m[1][0] += 5
print(m)
# Expected:
# 9 {'a': [1, 2], 'b': [3]}
# [[0, 0], [5, 0]]
