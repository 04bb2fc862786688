raise KeyboardInterrupt
# Expected:
# !! KeyboardInterrupt
