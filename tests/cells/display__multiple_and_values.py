display(1, 'two', [3])
display({'a': 1})
x = display(None)
print(x)
# Expected:
# [display] 1
# [display] 'two'
# [display] [3]
# [display] {'a': 1}
# [display] None
# None
