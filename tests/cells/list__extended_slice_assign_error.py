a = [1, 2, 3, 4]
a[::2] = [1]
# Expected:
# !! ValueError: attempt to assign sequence of size 1 to extended slice of size 2
