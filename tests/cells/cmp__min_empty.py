min([])
# Expected:
# !! ValueError: min() arg is an empty sequence
