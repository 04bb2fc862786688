a = [1, 2]
b = a[:]
print(a == b, a is b, a[0] is b[0], None is None, (1 == 1.0) is True)
# Expected:
# True False True True True
