', '.join(['a', 1])
# Expected:
# !! TypeError: sequence item 1: expected str instance, int found
