class Empty:
    pass
Empty(1)
# Expected:
# !! TypeError: Empty() takes no arguments
