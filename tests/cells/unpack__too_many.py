a, b = [1, 2, 3]
# Expected:
# !! ValueError: too many values to unpack (expected 2)
