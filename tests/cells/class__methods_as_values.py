class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
c = C(7)
m = c.get
print(m(), C.get(c), [o.get() for o in [C(1), C(2)]], list(map(C.get, [C(3)])))
# Expected:
# 7 7 [1, 2] [3]
