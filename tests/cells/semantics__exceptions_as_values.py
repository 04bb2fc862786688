errs = [ValueError('a'), TypeError('b'), KeyError('c')]
for e in errs:
    try:
        raise e
    except (ValueError, TypeError) as caught:
        print('vt', caught)
    except Exception as caught:
        print('other', repr(caught))
print([type(e).__name__ for e in errs], isinstance(errs[2], LookupError))
# Expected:
# vt a
# vt b
# other KeyError('c')
# ['ValueError', 'TypeError', 'KeyError'] True
