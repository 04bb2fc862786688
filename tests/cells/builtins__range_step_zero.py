range(1, 5, 0)
# Expected:
# !! ValueError: range() arg 3 must not be zero
