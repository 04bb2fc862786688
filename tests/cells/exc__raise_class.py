raise IndexError
# Expected:
# !! IndexError
