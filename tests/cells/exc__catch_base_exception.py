for exc in [ValueError, TypeError, KeyError, IndexError, ZeroDivisionError, AttributeError, NameError, RuntimeError, OverflowError]:
    try:
        raise exc('m')
    except Exception as e:
        print(type(e).__name__, isinstance(e, Exception), e)
# Expected:
# ValueError True m
# TypeError True m
# KeyError True 'm'
# IndexError True m
# ZeroDivisionError True m
# AttributeError True m
# NameError True m
# RuntimeError True m
# OverflowError True m
