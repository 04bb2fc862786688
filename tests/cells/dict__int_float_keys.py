d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d, len(d), d[1])
e = {(1, 2): 'a', (1, 2.0): 'b'}
print(e)
# Expected:
# {1: 'bool'} 1 bool
# {(1, 2): 'b'}
