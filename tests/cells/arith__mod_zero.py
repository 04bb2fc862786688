5 % 0
# Expected:
# !! ZeroDivisionError: integer modulo by zero
