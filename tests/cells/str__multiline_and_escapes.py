s = '''line1
line2'''
print(s)
print('a\tb', 'c\\d', "q'uote", 'x\ny'.split('\n'))
print(r'raw\n', len(r'\n'), 'implicit' ' concat')
# Expected:
# line1
# line2
# a	b c\d q'uote ['x', 'y']
# raw\n 2 implicit concat
