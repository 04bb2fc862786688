s = 'abcdef'
print(s[0], s[-1], s[1:3], s[::-1], s[::2], s[4:], s[:-2], s[10:], len(s))
print('x' * 3, 3 * 'ab', 'abc' + 'def', 'a' in 'abc')
for ch in 'hi':
    print(ch)
# Expected:
# a f bc fedcba ace ef abcd  6
# xxx ababab abcdef True
# h
# i
