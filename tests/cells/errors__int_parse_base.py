int('12', 2)
# Expected:
# !! ValueError: invalid literal for int() with base 2: '12'
