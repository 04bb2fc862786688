import dask.array as da
x = da.ones((4, 6), chunks=(2, 3))
y = (x + 1).sum(axis=0)
g = y.__dask_graph__()
print(type(g).__name__, len(g), len(x.dask))
print(sorted(k for k in g if k[0].startswith('ones'))[:2] == [(x.name, 0, 0), (x.name, 0, 1)])
print(sorted(set(g.values())))
print(len(da.ones(10, chunks=1).sum().dask))
# Expected:
# dict 16 4
# True
# ['add', 'ones', 'sum-aggregate', 'sum-combine', 'sum-partial']
# 25
