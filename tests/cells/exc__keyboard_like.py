try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print('interrupted')
try:
    raise Exception
except Exception as e:
    print(repr(e), str(e) == '')
# Expected:
# interrupted
# Exception() True
