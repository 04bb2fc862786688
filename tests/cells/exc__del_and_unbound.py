x = 5
del x
x
# Expected:
# !! NameError: name 'x' is not defined
