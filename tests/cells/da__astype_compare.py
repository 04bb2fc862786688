import dask.array as da
x = da.arange(10, chunks=4)
y = x.astype('float32')
print(y.dtype, repr(y.compute()))
print(repr((x > 4).compute()))
print((x > 4).sum().compute())
print(repr((x % 3 == 0).compute()))
# Expected:
# float32 array([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.], dtype=float32)
# array([False, False, False, False, False,  True,  True,  True,  True,
#         True])
# 5
# array([ True, False, False,  True, False, False,  True, False, False,
#         True])
