import dask.array as da
x = da.ones((1000, 1000), chunks=(250, 500))
print(x.nbytes, x.ndim, x.size, x.itemsize)
print(len(x))
# Expected:
# 8000000 2 1000000 8
# 1000
