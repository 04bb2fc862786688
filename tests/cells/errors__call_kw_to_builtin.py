len([1], key=2)
# Expected:
# !! TypeError: len() takes no keyword arguments
