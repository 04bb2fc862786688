# tessera-only: parser message wording differs from CPython
print('ok')
# %%
x = (1,
# Expected:
# ok
# !! SyntaxError: '(' was never closed
