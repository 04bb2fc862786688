def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1))
print(f(1, 5, 6, 7, c=8, d=9))
print(f(b=1, a=0))
def g(x, *, y):
    return x + y
print(g(1, y=2))
print((lambda x, y=1: x * y)(5), (lambda *a: a)(1, 2))
args = (1, 2)
kwargs = {'c': 5}
print(f(*args, **kwargs))
# Expected:
# (1, 2, (), 3, {})
# (1, 5, (6, 7), 8, {'d': 9})
# (0, 1, (), 3, {})
# 3
# 5 (1, 2)
# (1, 2, (), 5, {})
