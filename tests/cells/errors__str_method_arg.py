'abc'.startswith(1)
# Expected:
# !! TypeError: startswith first arg must be str or a tuple of str, not int
