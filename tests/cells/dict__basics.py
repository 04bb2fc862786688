d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), 'a' in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
for k, v in d.items():
    print(k, v)
del d['b']
print(d, d.pop('a'), d)
d.update({'x': 9}, y=8)
print(d, d.setdefault('x', 0), d.setdefault('n', []), d)
print(dict(a=1, b=2), dict([('k', 'v')]), dict(zip('ab', [1, 2])), {1: 'one', True: 'true'})
# Expected:
# {'a': 1, 'b': 2, 'c': 3} 3 1 None 0 True
# ['a', 'b', 'c'] [1, 2, 3] [('a', 1), ('b', 2), ('c', 3)]
# dict_keys(['a', 'b', 'c']) dict_values([1, 2, 3]) dict_items([('a', 1), ('b', 2), ('c', 3)])
# a 1
# b 2
# c 3
# {'c': 3} 1 {'c': 3}
# {'c': 3, 'x': 9, 'y': 8, 'n': []} 9 [] {'c': 3, 'x': 9, 'y': 8, 'n': []}
# {'a': 1, 'b': 2} {'k': 'v'} {'a': 1, 'b': 2} {1: 'true'}
