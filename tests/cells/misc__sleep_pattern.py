from time import sleep
def inc(x):
    sleep(0.001)
    return x + 1
def add(x, y):
    sleep(0.001)
    return x + y
x = inc(1)
y = inc(2)
z = add(x, y)
z
# Expected:
# Out: 5
