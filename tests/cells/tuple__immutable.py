t = (1, 2)
t[0] = 5
# Expected:
# !! TypeError: 'tuple' object does not support item assignment
