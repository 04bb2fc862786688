def ratio(a, b):
    return a / b
print(ratio(1, 2))
ratio(1, 0)
# Expected:
# 0.5
# !! ZeroDivisionError: division by zero
