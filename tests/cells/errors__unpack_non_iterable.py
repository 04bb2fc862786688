a, b = 5
# Expected:
# !! TypeError: cannot unpack non-iterable int object
