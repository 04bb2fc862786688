from functools import reduce
reduce(lambda a, b: a + b, [])
# Expected:
# !! TypeError: reduce() of empty iterable with no initial value
