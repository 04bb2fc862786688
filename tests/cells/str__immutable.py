s = 'abc'
s[0] = 'x'
# Expected:
# !! TypeError: 'str' object does not support item assignment
