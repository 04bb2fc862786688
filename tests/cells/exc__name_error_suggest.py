value = 10
print(valeu)
# Expected:
# !! NameError: name 'valeu' is not defined. Did you mean: 'value'?
