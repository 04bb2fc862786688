x = 10
ys = [x * i for i in range(3)]
print(ys, [i for i in range(3)])
i = 'kept'
[i for i in range(5)]
print(i)
def f():
    n = 3
    return [n * k for k in range(n)]
print(f())
# Expected:
# [0, 10, 20] [0, 1, 2]
# kept
# [0, 3, 6]
