import dask.array as da
import numpy as np
x = da.arange(10, chunks=3)
for kw in [dict(prepend=0), dict(append=2.5), dict(prepend=[1, 2], append=np.array([7])), dict(prepend=da.arange(4, chunks=2))]:
    r = da.diff(x, **kw)
    print(r.chunks, r.dtype, r.compute())
m = da.arange(12, chunks=2).reshape(3, 4)
r = da.diff(m, n=2, axis=0, prepend=-1, append=[[1, 2, 3, 4]])
print(r.chunks, r.compute())
r = da.diff(m, 2, -1, 5, np.ones((3, 1)))
print(r.chunks, r.dtype, r.compute())
print(da.diff(x, n=0, prepend=3).chunks, da.diff(x.astype("f4"), prepend=1).dtype)
print(da.diff(x, append=da.arange(5, chunks=2) * 2).chunks)
print(da.diff(x, prepend=None, append=None).chunks)
# %%
a = np.arange(12).reshape(3, 4) ** 2
print(np.diff(a, n=2, axis=0, prepend=-1, append=[[1, 2, 3, 4]]))
print(np.diff(a, prepend=0.5), np.diff(a, 3, 1, append=a[:, :2]))
print(np.diff(np.array([True, False]), prepend=True, append=False), np.diff(np.arange(3), n=0, prepend=5))
print(np.diff(np.arange(4).astype("f4"), prepend=1).dtype, np.diff(np.arange(4).astype("u1"), append=np.array([1], dtype="u1")))
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: np.diff(np.arange(3), prepend=[[1]]))
err(lambda: da.diff(x, prepend=[[1]]))
err(lambda: np.diff(a, prepend=[[1, 2]]))
err(lambda: np.diff(np.arange(3), n=-1, prepend=1))
# Expected:
# ((1, 2, 1, 2, 1, 2, 1),) int64 [0 1 1 1 1 1 1 1 1 1]
# ((2, 1, 2, 1, 2, 1, 1),) float64 [ 1.   1.   1.   1.   1.   1.   1.   1.   1.  -6.5]
# ((1, 1, 2, 1, 2, 1, 2, 1, 1),) int64 [ 1 -2  1  1  1  1  1  1  1  1  1 -2]
# ((3, 1, 2, 1, 2, 1, 2, 1),) int64 [ 1  1  1 -3  1  1  1  1  1  1  1  1  1]
# ((1, 1, 1), (2, 2)) [[  3   2   1   0]
#  [  0   0   0   0]
#  [-11 -11 -11 -11]]
# ((1, 1, 1), (1, 1, 1, 1)) float64 [[  6.   0.   0.  -3.]
#  [  2.   0.   0.  -7.]
#  [ -2.   0.   0. -11.]]
# ((3, 3, 3, 1),) float64
# ((2, 1, 2, 1, 2, 1, 1, 4),)
# ((2, 1, 2, 1, 2, 1),)
# [[  15   22   27   30]
#  [  32   32   32   32]
#  [-111 -135 -161 -189]]
# [[-0.5  1.   3.   5. ]
#  [15.5  9.  11.  13. ]
#  [63.5 17.  19.  21. ]] [[  0 -16  24]
#  [  0 -48  88]
#  [  0 -80 152]]
# [False  True False] [0 1 2]
# float64 [  1   1   1 254]
# ValueError all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)
# ValueError all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)
# ValueError all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has size 1 and the array at index 1 has size 3
# ValueError order must be non-negative but got -1
