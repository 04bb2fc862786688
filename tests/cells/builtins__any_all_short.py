def check(x):
    return x > 1
# generator expressions are consumed eagerly in Tessera, so only results are compared
print(any(check(x) for x in [1, 2, 3]), all(check(x) for x in [3, 1, 2]), any(x > 5 for x in []))
# Expected:
# True False False
