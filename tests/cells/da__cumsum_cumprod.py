import dask.array as da
import numpy as np
m = da.from_array(np.arange(1, 36).reshape(5, 7) % 4, chunks=(2, 3))
s = da.cumsum(m, axis=1)
print(s.chunks, s.dtype)
print(s.compute())
print(m.cumsum(axis=0).compute()[-1], m.cumsum(axis=0).chunks)
print(da.cumsum(m).chunks, da.cumsum(m).compute()[-5:])
print(np.cumsum(m, axis=-1).chunks, type(np.cumsum(m)).__name__)
# %%
x = da.arange(1, 11, chunks=3)
print(da.cumprod(x).compute(), x.cumprod(0).chunks)
print(da.cumsum(x.astype("i4")).dtype, da.cumsum(x > 3).dtype, da.cumprod(x.astype("u1")).dtype, da.cumsum(x.astype("f4")).dtype)
print(da.cumsum(x > 3).compute())
print(da.cumsum(x, dtype="f8").compute())
print(da.cumsum(da.ones((4, 6), chunks=(2, 3))).chunks)
print(np.cumsum(np.array([[1, 2], [3, 4]])), np.cumprod(np.array([1.5, 2.0, 4.0])))
print(np.cumsum(np.array([[1, 2], [3, 4]]), axis=0), np.array([1, 2, 3]).cumsum(), np.array([True, True]).cumsum().dtype)
r = da.random.random((50, 40), chunks=(7, 9))
print(np.allclose(r.cumsum(axis=0).compute(), np.cumsum(r.compute(), axis=0)), np.allclose(r.cumprod(axis=1).compute(), np.cumprod(r.compute(), axis=1)))
for bad in [lambda: np.cumsum(np.ones((2, 2)), axis=2), lambda: da.cumsum(m, axis=2)]:
    try:
        bad()
    except Exception as e:
        print(e)
# Expected:
# ((2, 2, 1), (3, 3, 1)) int64
# [[ 1  3  6  6  7  9 12]
#  [ 0  1  3  6  6  7  9]
#  [ 3  3  4  6  9  9 10]
#  [ 2  5  5  6  8 11 11]
#  [ 1  3  6  6  7  9 12]]
# [7 8 9 6 7 8 9] ((2, 2, 1), (3, 3, 1))
# ((9, 9, 9, 8),) [48 48 49 51 54]
# ((2, 2, 1), (3, 3, 1)) Array
# [      1       2       6      24     120     720    5040   40320  362880
#  3628800] ((3, 3, 3, 1),)
# int64 int64 uint64 float32
# [0 0 0 1 2 3 4 5 6 7]
# [ 1.  3.  6. 10. 15. 21. 28. 36. 45. 55.]
# ((4, 4, 4, 4, 4, 4),)
# [ 1  3  6 10] [ 1.5  3.  12. ]
# [[1 2]
#  [4 6]] [1 3 6] int64
# True True
# axis 2 is out of bounds for array of dimension 2
# Axis 2 is out of bounds for array of dimension 2
