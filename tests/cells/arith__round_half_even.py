print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5]])
print(round(1.005, 2), round(2.345, 2), round(-1.25, 1), round(15, -1), round(25, -1), round(123.456, -1))
# Expected:
# [0, 2, 2, 4, 0, -2]
# 1.0 2.35 -1.2 20 20 120.0
