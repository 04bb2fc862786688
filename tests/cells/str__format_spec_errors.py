format('abc', 'd')
# Expected:
# !! ValueError: Unknown format code 'd' for object of type 'str'
