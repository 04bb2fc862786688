try:
    try:
        [][1]
    except KeyError:
        print('not here')
except IndexError as e:
    print('outer', type(e).__name__, e)
try:
    raise ValueError
except (TypeError, ValueError) as e:
    print('tuple catch', repr(e))
# Expected:
# outer IndexError list index out of range
# tuple catch ValueError()
