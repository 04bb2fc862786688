import dask.array as da
x = da.random.random((100, 50), chunks=(30, 20))
r = x.compute()
print(r.shape, r.dtype, bool((r >= 0).all()), bool((r < 1).all()))
n = da.random.normal(10, 0.1, size=(200, 200), chunks=(50, 50))
print(abs(n.mean().compute() - 10) < 0.01)
i = da.random.randint(0, 10, size=(20, 20), chunks=7)
v = i.compute()
print(v.shape, v.min() >= 0, v.max() < 10)
# Expected:
# (100, 50) float64 True True
# True
# (20, 20) True True
