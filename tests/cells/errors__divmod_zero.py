divmod(1, 0)
# Expected:
# !! ZeroDivisionError: integer division or modulo by zero
