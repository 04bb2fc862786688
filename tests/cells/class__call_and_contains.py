class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def __contains__(self, x):
        return x == self.n
add3 = Adder(3)
print(add3(4), 3 in add3, 4 in add3, callable(add3), list(map(add3, [1, 2])))
# Expected:
# 7 True False True [4, 5]
