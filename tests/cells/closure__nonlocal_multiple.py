def outer():
    a = 1
    b = 2
    def inner():
        nonlocal a, b
        a, b = b, a + b
        return a, b
    inner()
    inner()
    return inner()
print(outer())
# Expected:
# (5, 8)
