'abc'.index('z')
# Expected:
# !! ValueError: substring not found
