{[1, 2]}
# Expected:
# !! TypeError: unhashable type: 'list'
