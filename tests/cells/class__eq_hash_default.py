class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a is a, len({a, b, a}), {a: 1}[a])
# Expected:
# True False True True 2 1
