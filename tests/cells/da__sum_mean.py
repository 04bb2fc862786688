import dask.array as da
x = da.ones((10, 10), chunks=(3, 4))
print(x.sum().compute())
print(repr(x.sum(axis=0).compute()))
print(repr(x.mean(axis=1).compute()))
print(x.shape, x.chunks, x.dtype)
print(x.numblocks, x.npartitions, x.nbytes)
# Expected:
# 100.0
# array([10., 10., 10., 10., 10., 10., 10., 10., 10., 10.])
# array([1., 1., 1., 1., 1., 1., 1., 1., 1., 1.])
# (10, 10) ((3, 3, 3, 1), (4, 4, 2)) float64
# (4, 3) 12 800
