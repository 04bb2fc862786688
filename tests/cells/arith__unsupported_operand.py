1 + 'a'
# Expected:
# !! TypeError: unsupported operand type(s) for +: 'int' and 'str'
