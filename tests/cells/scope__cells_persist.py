x = 10
def f():
    return x * 2
# %%
print(f())
x = 20
print(f())
# %%
y = [i for i in range(3)]
y
# Expected:
# 20
# 40
# Out: [0, 1, 2]
