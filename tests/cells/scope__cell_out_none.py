def noop():
    pass
noop()
# %%
x = 5
x
# %%
x = None
x
# %%
'last'
# Expected:
# Out: 5
# Out: 'last'
