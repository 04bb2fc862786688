class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, P) and o.v == self.v
ps = [P(1), P(2)]
print(P(2) in ps, ps.index(P(2)), ps.count(P(1)), P(3) in ps, P(1) == 1)
# Expected:
# True 1 1 False False
