sorted([1, 'a', 2])
# Expected:
# !! TypeError: '<' not supported between instances of 'str' and 'int'
