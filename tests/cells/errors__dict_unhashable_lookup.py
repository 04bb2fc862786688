{}.get([1])
# Expected:
# !! TypeError: unhashable type: 'list'
