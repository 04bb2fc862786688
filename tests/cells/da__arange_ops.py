import dask.array as da
x = da.arange(20, chunks=6)
print(x.chunks)
print(repr((x * 2 + 1).compute()))
print(repr(x[3:17:3].compute()))
print(repr(x[::-2].compute()))
print((x ** 2).sum().compute())
print(x.max().compute(), x.min().compute(), x.argmax().compute())
# Expected:
# ((6, 6, 6, 2),)
# array([ 1,  3,  5,  7,  9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33,
#        35, 37, 39])
# array([ 3,  6,  9, 12, 15])
# array([19, 17, 15, 13, 11,  9,  7,  5,  3,  1])
# 2470
# 19 0 19
