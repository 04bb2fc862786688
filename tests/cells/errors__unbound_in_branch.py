def f(flag):
    if flag:
        y = 1
    return y
print(f(True))
f(False)
# Expected:
# 1
# !! UnboundLocalError: cannot access local variable 'y' where it is not associated with a value
