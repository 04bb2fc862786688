def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1))
# Expected:
# 11 12
# 1024
