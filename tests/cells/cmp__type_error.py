1 < 'a'
# Expected:
# !! TypeError: '<' not supported between instances of 'int' and 'str'
