from IPython.display import display, clear_output
display(42)
display('text', [1, 2])
h = display('first', display_id='abc')
h.update('second')
clear_output(wait=True)
print('after')
# Expected:
# [display] 42
# [display] 'text'
# [display] [1, 2]
# [display] 'first'
# [update] 'second'
# [clear wait=True]
# after
