print('a', 'b', sep='')
print('a', 'b', sep=', ', end='!\n')
print()
print('no newline', end='')
print(' then this')
print(1, 2.0, None, True, [1, 'x'], (1,), {'k': (1, 2)})
# Expected:
# ab
# a, b!
#
# no newline then this
# 1 2.0 None True [1, 'x'] (1,) {'k': (1, 2)}
