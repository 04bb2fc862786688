def f(a):
    return a
f(a=1, b=2)
# Expected:
# !! TypeError: f() got an unexpected keyword argument 'b'
