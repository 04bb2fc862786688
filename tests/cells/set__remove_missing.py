s = {1}
s.remove(2)
# Expected:
# !! KeyError: 2
