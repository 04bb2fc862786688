d = {}
d[(1, 2)]
# Expected:
# !! KeyError: (1, 2)
