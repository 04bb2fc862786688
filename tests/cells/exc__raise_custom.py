class MyError(ValueError):
    pass
try:
    raise MyError('bad thing', 42)
except ValueError as e:
    print('got', e, e.args, isinstance(e, MyError), isinstance(e, Exception))
try:
    raise KeyError('k')
except LookupError as e:
    print('lookup', e)
try:
    try:
        raise TypeError('inner')
    except TypeError:
        print('re-raising')
        raise
except TypeError as e:
    print('outer got', e)
raise MyError('final')
# Expected:
# got ('bad thing', 42) ('bad thing', 42) True True
# lookup 'k'
# re-raising
# outer got inner
# !! MyError: final
