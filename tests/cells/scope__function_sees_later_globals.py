def show():
    return later
# %%
later = 'defined afterwards'
show()
# Expected:
# Out: 'defined afterwards'
