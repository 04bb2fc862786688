for w in range(4, 8):
    print(repr('ab'.center(w)), repr('abc'.center(w, '-')))
print('x'.rjust(3, '0'), '7'.zfill(3), '-7'.zfill(3), '+7'.zfill(3))
# Expected:
# ' ab ' 'abc-'
# '  ab ' '-abc-'
# '  ab  ' '-abc--'
# '   ab  ' '--abc--'
# 00x 007 -07 +07
