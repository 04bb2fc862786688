next(iter([]))
# Expected:
# !! StopIteration
