def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
print([safe_div(1, x) for x in [1, 0, 2]])
print([1 / x for x in [1, 0]])
# Expected:
# [1.0, None, 0.5]
# !! ZeroDivisionError: division by zero
