[1, 2]['a']
# Expected:
# !! TypeError: list indices must be integers or slices, not str
