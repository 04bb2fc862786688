try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('wrapped') from e
except ValueError as e:
    print('caught', e)
raise RuntimeError('boom')
# Expected:
# caught wrapped
# !! RuntimeError: boom
