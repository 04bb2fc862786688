x = 0
assert x
# Expected:
# !! AssertionError
