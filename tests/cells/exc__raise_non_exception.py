raise 5
# Expected:
# !! TypeError: exceptions must derive from BaseException
