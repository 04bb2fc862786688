def f(a, b):
    return a
f(1, a=2)
# Expected:
# !! TypeError: f() got multiple values for argument 'a'
