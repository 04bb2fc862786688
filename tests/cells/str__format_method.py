print('{} and {}'.format('a', 'b'), '{1}{0}'.format('x', 'y'), '{name}!'.format(name='Bob'))
print('{:>5}|{:<5}|{:^5}|'.format('a', 'b', 'c'), '{:08.3f}'.format(3.14159), '{:,}'.format(1234567))
print('{!r}'.format('q'), '{0[1]}'.format([5, 6]), '{{literal}}'.format())
# Expected:
# a and b yx Bob!
#     a|b    |  c  | 0003.142 1,234,567
# 'q' 6 {literal}
