[1, 2].remove(3)
# Expected:
# !! ValueError: list.remove(x): x not in list
