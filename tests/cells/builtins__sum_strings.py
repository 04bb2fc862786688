sum(['a', 'b'], '')
# Expected:
# !! TypeError: sum() can't sum strings [use ''.join(seq) instead]
