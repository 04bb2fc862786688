log = []
def v(x):
    log.append(x)
    return x
a = b = v(1)
d = {}
d[v('k')] = v('val')
print(a, b, d, log)
# Expected:
# 1 1 {'k': 'val'} [1, 'val', 'k']
