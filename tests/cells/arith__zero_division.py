print(1.5 // 1)
1 / 0
# Expected:
# 1.0
# !! ZeroDivisionError: division by zero
