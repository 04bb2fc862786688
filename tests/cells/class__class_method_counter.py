class Reg:
    items = []
    @classmethod
    def add(cls, x):
        cls.items.append(x)
        return len(cls.items)
    @staticmethod
    def twice(x):
        return 2 * x
print(Reg.add('a'), Reg.add('b'), Reg().add('c'), Reg.items, Reg.twice(4))
# Expected:
# 1 2 3 ['a', 'b', 'c'] 8
