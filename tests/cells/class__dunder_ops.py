class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __len__(self):
        return 2
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f'V({self.x}, {self.y})'
a = V(3, 4)
print(a + V(1, 1), a - V(1, 1), a * 2, 3 * a, -a, abs(a), len(a), bool(V(0, 0)), sorted([a, V(1, 0)]))
# Expected:
# V(4, 5) V(2, 3) V(6, 8) V(9, 12) V(-3, -4) 5.0 2 False [V(1, 0), V(3, 4)]
