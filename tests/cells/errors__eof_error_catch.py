try:
    input()
except EOFError as e:
    print('EOF:', e)
# Expected:
# EOF: EOF when reading a line
