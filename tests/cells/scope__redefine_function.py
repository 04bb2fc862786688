def f():
    return 1
print(f())
# %%
def f():
    return 2
print(f())
# %%
f = lambda: 3
f()
# Expected:
# 1
# 2
# Out: 3
