[].pop()
# Expected:
# !! IndexError: pop from empty list
