int(float('inf'))
# Expected:
# !! OverflowError: cannot convert float infinity to integer
