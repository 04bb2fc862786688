import dask
import dask.array as da
x = da.ones((6, 6), chunks=3)
a, b = dask.compute(x.sum(), x.mean())
print(a, b)
s, = dask.compute(x[0, 0])
print(s)
p = (x * 2).persist()
print(p.sum().compute())
# Expected:
# 36.0 1.0
# 1.0
# 72.0
