float('1.2.3')
# Expected:
# !! ValueError: could not convert string to float: '1.2.3'
