def f(a, *, key):
    return a
f(1)
# Expected:
# !! TypeError: f() missing 1 required keyword-only argument: 'key'
