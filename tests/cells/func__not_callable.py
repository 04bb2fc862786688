x = 5
x()
# Expected:
# !! TypeError: 'int' object is not callable
