def f(a, b):
    return a
f(1)
# Expected:
# !! TypeError: f() missing 1 required positional argument: 'b'
