undefined_name
# Expected:
# !! NameError: name 'undefined_name' is not defined
