class A:
    def __init__(self):
        self.x = 1
        self.y = 'two'
a = A()
print(a.__dict__, type(a).__name__, a.__class__.__name__, A.__name__)
# Expected:
# {'x': 1, 'y': 'two'} A A A
