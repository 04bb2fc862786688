'a' + 1
# Expected:
# !! TypeError: can only concatenate str (not "int") to str
