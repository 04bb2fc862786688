x = None
x.upper()
# Expected:
# !! AttributeError: 'NoneType' object has no attribute 'upper'
