def make():
    count = 0
    def step():
        nonlocal count
        for _ in range(3):
            count += 1
        return count
    return step
s = make()
print(s(), s())
# Expected:
# 3 6
