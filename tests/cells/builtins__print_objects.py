class A:
    def __repr__(self):
        return 'A()'
print(A(), [A()], {'k': A()}, (A(),), sep=' | ')
print(*[1, 2, 3])
print(*'abc', sep='-')
# Expected:
# A() | [A()] | {'k': A()} | (A(),)
# 1 2 3
# a-b-c
