def outer(a):
    def inner(b=a * 2):
        return a + b
    return inner
f = outer(3)
print(f(), f(1), outer(10)())
# Expected:
# 9 4 30
