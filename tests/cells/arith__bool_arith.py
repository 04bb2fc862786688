print(sum([True, True, False]), True * 2.5, -True, ~True, int(True) + 1, True // 1)
# Expected:
# 2 2.5 -1 -2 2 1
