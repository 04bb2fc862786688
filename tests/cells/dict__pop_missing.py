{}.pop('x')
# Expected:
# !! KeyError: 'x'
