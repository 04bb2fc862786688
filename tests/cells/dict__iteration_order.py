d = {}
for k in 'zyxw':
    d[k] = ord(k)
print(d, list(d), next(iter(d)))
d['z'] = 0
print(d)
del d['y']
d['y'] = 1
print(d)
# Expected:
# {'z': 122, 'y': 121, 'x': 120, 'w': 119} ['z', 'y', 'x', 'w'] z
# {'z': 0, 'y': 121, 'x': 120, 'w': 119}
# {'z': 0, 'x': 120, 'w': 119, 'y': 1}
