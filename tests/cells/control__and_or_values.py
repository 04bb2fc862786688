print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [] or 'last', 'a' and '' and 'z', not 0, not [1])
x = None
print(x or 'default', x and x.attr)
# Expected:
# 2 0 1 2 last  True False
# default None
