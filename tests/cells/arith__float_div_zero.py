5.0 / 0.0
# Expected:
# !! ZeroDivisionError: float division by zero
