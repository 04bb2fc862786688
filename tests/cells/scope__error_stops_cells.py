x = 1
# %%
print('cell 2')
x = x / 0
# %%
print('never')
# Expected:
# cell 2
# !! ZeroDivisionError: division by zero
