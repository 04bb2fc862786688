import dask.bag as db
def inc(x):
    return x + 1
b = db.from_sequence([1, 2, 3, 4, 5, 6])
print(b)
print(b.map(inc), b.map(lambda x: x), b.filter(lambda x: x > 2))
print(db.from_sequence(range(1000)).npartitions, db.from_sequence(range(101)).npartitions)
print(db.from_sequence(range(10), partition_size=3).npartitions)
print(b.take(2), b.take(2, npartitions=3))
print(db.from_sequence([[1, 2], [3], []], npartitions=2).flatten().compute())
print(db.from_sequence([{'a': 1, 'b': 2}, {'a': 3, 'b': 4}]).pluck(['a', 'b']).compute())
print(db.range(10, npartitions=3).map_partitions(lambda p: [sum(p)]).compute())
print(db.from_sequence(['a', 'b', 'a', 'c', 'a', 'b']).frequencies(sort=True).compute())
print(db.from_sequence([1.0, 2.0, 3.0, 4.0], npartitions=2).std().compute())
print(db.from_sequence([1.0, 2.0, 3.0, 4.0], npartitions=2).var().compute())
# %%
db.from_sequence(range(10)).take(3)
# %%
from dask.bag import from_sequence
bag = from_sequence([10_000] * 100)
random_numbers = bag.map(lambda x: [np.random.rand() for _ in range(x)]) if False else bag.map(lambda x: [i % 2 for i in range(x)])
sums = random_numbers.map(sum)
print(sums.take(1))
print(len(sums.compute()), sums.compute()[:2])
# Expected:
# dask.bag<from_sequence, npartitions=6>
# dask.bag<inc, npartitions=6> dask.bag<lambda, npartitions=6> dask.bag<filter-lambda, npartitions=6>
# 250 51
# 4
# (1,) (1, 2)
# [1, 2, 3]
# [(1, 2), (3, 4)]
# [3, 12, 30]
# [('a', 3), ('b', 2), ('c', 1)]
# 1.118033988749895
# 1.25
# Out: (0,)
# (5000,)
# 100 [5000, 5000]
