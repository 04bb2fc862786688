def f():
    return
def g():
    return 1, 2
def h(x):
    if x:
        return 'yes'
print(f(), g(), h(0), h(1))
# Expected:
# None (1, 2) None yes
