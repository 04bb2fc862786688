import dask
import dask.bag as db
from dask import delayed
b = db.from_sequence(range(20), npartitions=3)
print(b.foldby(lambda x: x % 3, lambda acc, x: acc + x, 0).compute())
print(b.foldby(lambda x: x % 2, lambda acc, x: acc + x).compute())
print(sorted((k, sorted(v)) for k, v in b.groupby(lambda x: x % 4).compute()))
print(b.groupby(lambda x: x % 4).npartitions, b.groupby(lambda x: x % 4, npartitions=2).npartitions)
people = db.from_sequence([{'name': 'a', 'n': 1}, {'name': 'b', 'n': 2}, {'name': 'a', 'n': 5}])
print(people.foldby('name', lambda acc, p: acc + p['n'], 0, lambda x, y: x + y, 0).compute())
words = db.from_sequence(['apple', 'bat', 'cherry', 'avocado', 'banana'], npartitions=2)
print(dict(words.foldby(lambda w: w[0], lambda acc, w: acc + [w], list, lambda a, c: a + c, list).compute()))
x = delayed(sum)([1, 2])
print(dask.compute({'a': x, 'b': [x, (b.sum(), 7)]}, 5))
print(dask.compute([x, 1], traverse=False)[0][1])
# Expected:
# [(0, 63), (1, 70), (2, 57)]
# [(0, 90), (1, 100)]
# [(0, [0, 4, 8, 12, 16]), (1, [1, 5, 9, 13, 17]), (2, [2, 6, 10, 14, 18]), (3, [3, 7, 11, 15, 19])]
# 3 2
# [('a', 6), ('b', 2)]
# {'a': ['apple', 'avocado'], 'b': ['bat', 'banana'], 'c': ['cherry']}
# ({'a': 3, 'b': [3, (190, 7)]}, 5)
# 1
