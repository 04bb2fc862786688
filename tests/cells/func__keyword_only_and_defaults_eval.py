def f(a, b=[], *, c=len('abc')):
    b.append(a)
    return b, c
print(f(1), f(2), f(3, [], c=0))
# Expected:
# ([1, 2], 3) ([1, 2], 3) ([3], 0)
