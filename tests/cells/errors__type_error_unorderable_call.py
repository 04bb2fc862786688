max(1, 'a')
# Expected:
# !! TypeError: '>' not supported between instances of 'str' and 'int'
