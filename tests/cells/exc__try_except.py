try:
    1 / 0
except ZeroDivisionError as e:
    print('caught', e, type(e).__name__)
try:
    {}['k']
except (TypeError, KeyError) as e:
    print('caught', repr(e), e.args)
try:
    int('abc')
except ValueError as e:
    print(e)
else:
    print('no')
finally:
    print('finally')
try:
    pass
except Exception:
    print('no')
else:
    print('else ran')
def f():
    try:
        return 'from try'
    finally:
        print('cleanup')
print(f())
# Expected:
# caught division by zero ZeroDivisionError
# caught KeyError('k') ('k',)
# invalid literal for int() with base 10: 'abc'
# finally
# else ran
# cleanup
# from try
