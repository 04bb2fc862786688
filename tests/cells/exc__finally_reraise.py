try:
    try:
        1 / 0
    finally:
        print('cleanup ran')
except ZeroDivisionError:
    print('handled')
1 / 0
# Expected:
# cleanup ran
# handled
# !! ZeroDivisionError: division by zero
