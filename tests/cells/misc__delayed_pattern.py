def inc(x):
    return x + 1
def add(x, y):
    return x + y
x, y = 2, 3
result = add(inc(x), inc(y))
result, inc(10)
# Expected:
# Out: (7, 11)
