import dask.array as da
import numpy as np
x = da.from_array(np.arange(12).reshape(3, 4), chunks=2)
print(repr(x.T.compute()))
print(repr((x + x.T.T).compute()))
y = da.from_array(np.arange(4), chunks=2)
print(repr((x * y).compute()))
print(repr((x + 1.5).sum(axis=1).compute()))
# Expected:
# array([[ 0,  4,  8],
#        [ 1,  5,  9],
#        [ 2,  6, 10],
#        [ 3,  7, 11]])
# array([[ 0,  2,  4,  6],
#        [ 8, 10, 12, 14],
#        [16, 18, 20, 22]])
# array([[ 0,  1,  4,  9],
#        [ 0,  5, 12, 21],
#        [ 0,  9, 20, 33]])
# array([12., 28., 44.])
