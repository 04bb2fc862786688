def f(x):
    """Double x."""
    return 2 * x
print(f.__name__, f.__doc__, f(4))
g = f
print(g.__name__, callable(f), callable(3))
# Expected:
# f Double x. 8
# f True False
