try:
    raise ValueError('a', 1)
except Exception as e:
    print(e.args, str(e), repr(e), type(e).__name__, isinstance(e, ValueError))
e = KeyError('k')
print(str(e), repr(e), e.args)
print(str(ValueError()), repr(ZeroDivisionError('z')), issubclass(ZeroDivisionError, ArithmeticError))
# Expected:
# ('a', 1) ('a', 1) ValueError('a', 1) ValueError True
# 'k' KeyError('k') ('k',)
#  ZeroDivisionError('z') True
