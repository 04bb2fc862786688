for f in [lambda: [][0], lambda: {}['k'], lambda: 'abc'[9]]:
    try:
        f()
    except LookupError as e:
        print(type(e).__name__, e)
# Expected:
# IndexError list index out of range
# KeyError 'k'
# IndexError string index out of range
