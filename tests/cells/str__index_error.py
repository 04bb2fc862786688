'abc'[5]
# Expected:
# !! IndexError: string index out of range
