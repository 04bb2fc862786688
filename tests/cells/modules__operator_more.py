import operator as op
print(op.add('a', 'b'), op.sub(5, 3), op.truediv(1, 4), op.floordiv(7, 2), op.mod(7, 3), op.neg(4), op.eq(1, 1.0), op.lt(1, 2), op.getitem([1, 2], 0))
from operator import attrgetter
class P:
    def __init__(self, n):
        self.n = n
print([attrgetter('n')(p) for p in sorted([P(2), P(1)], key=attrgetter('n'))])
# Expected:
# ab 2 0.25 3 1 -4 True True 1
# [1, 2]
