'Total: ' + 5
# Expected:
# !! TypeError: can only concatenate str (not "int") to str
