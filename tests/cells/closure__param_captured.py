def mul(n):
    def by(x):
        return x * n
    n += 1
    return by
print(mul(2)(10))
# Expected:
# 30
