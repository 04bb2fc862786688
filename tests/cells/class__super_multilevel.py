class A:
    def hello(self):
        return 'A'
class B(A):
    def hello(self):
        return 'B' + super().hello()
class C(B):
    def hello(self):
        return 'C' + super().hello()
print(C().hello(), B().hello(), isinstance(C(), A))
# Expected:
# CBA BA True
