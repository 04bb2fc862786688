len()
# Expected:
# !! TypeError: len() takes exactly one argument (0 given)
