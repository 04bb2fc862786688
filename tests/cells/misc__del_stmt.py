a = [1, 2, 3]
d = {'x': 1, 'y': 2}
del a[1], d['x']
print(a, d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
# Expected:
# [1, 3] {'y': 2}
# False
