print(repr('it\'s'), repr('say "hi"'), repr('both \' and "'), repr('tab\tnew\nline'))
print(str(1.0), repr('x'), str(None), str([1, 'a']), repr(('a',)))
'quote\'s'
# Expected:
# "it's" 'say "hi"' 'both \' and "' 'tab\tnew\nline'
# 1.0 'x' None [1, 'a'] ('a',)
# Out: "quote's"
