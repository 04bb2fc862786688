print('xxhixx'.strip('x'), '--a-b--'.lstrip('-'), 'abcba'.rstrip('ab'), '  \t x \n'.strip())
# Expected:
# hi a-b-- abc x
