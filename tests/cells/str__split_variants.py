print('  a  b  '.split(), ' a b '.split(' '), 'a::b'.split(':'), 'abc'.split('x'), ''.split(), ''.split(','))
print('a b c d'.split(None, 2), 'a b c d'.rsplit(None, 2), 'a,b,c'.rsplit(',', 5))
# Expected:
# ['a', 'b'] ['', 'a', 'b', ''] ['a', '', 'b'] ['abc'] [] ['']
# ['a', 'b', 'c d'] ['a b', 'c', 'd'] ['a', 'b', 'c']
