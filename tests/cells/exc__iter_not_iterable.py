for x in None:
    pass
# Expected:
# !! TypeError: 'NoneType' object is not iterable
