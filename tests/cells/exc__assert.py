assert 1 + 1 == 2, 'math works'
print('ok')
assert 2 + 2 == 5, 'math is broken'
# Expected:
# ok
# !! AssertionError: math is broken
