import dask.array as da
x = da.ones((4, 6), chunks=(2, 3))
y = (x + 1).sum(axis=0)
g = y.__dask_graph__()
print(len(x.dask), len(x.__dask_graph__()))
print((x.name, 0, 1) in g, (x.name, 1, 1) in g, (x.name, 2, 0) in g)
print([k[1:] for k in sorted(k for k in g if k[0] == x.name)])
print(len(g) >= 3 * len(x.dask), len(da.ones(10, chunks=1).sum().dask) > 20)
# Expected:
# 4 4
# True True False
# [(0, 0), (0, 1), (1, 0), (1, 1)]
# True True
