a = [1, 2]
print(a[-1])
a[2]
# Expected:
# 2
# !! IndexError: list index out of range
