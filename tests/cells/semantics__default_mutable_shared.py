def add(x, acc=[]):
    acc.append(x)
    return acc
print(add(1), add(2), add(3, []), add(4))
# Expected:
# [1, 2, 4] [1, 2, 4] [3] [1, 2, 4]
