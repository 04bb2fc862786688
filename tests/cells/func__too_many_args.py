def f(a):
    return a
f(1, 2)
# Expected:
# !! TypeError: f() takes 1 positional argument but 2 were given
