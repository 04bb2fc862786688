d = dict.fromkeys('abc', 0) if hasattr(dict, 'fromkeys') and False else {k: 0 for k in 'abc'}
del d['a']
d['a'] = 1
d['b'] = 2
print(d, list(d))
# Expected:
# {'b': 2, 'c': 0, 'a': 1} ['b', 'c', 'a']
