import dask.array as da
import numpy as np
x = da.from_array(np.arange(12).reshape(3, 4), chunks=2)
r = da.isin(x, [1, 5, 7, 100])
print(r.chunks, r.dtype)
print(r.compute())
t = da.from_array(np.array([2.0, 3.5, 11]), chunks=2)
print(da.isin(x, t, invert=True).compute())
print(np.isin(np.array([1.0, np.nan, 3.0]), [np.nan, 1]), np.isin(np.arange(4), [0, 2], invert=True))
print(type(np.isin(x, [1])).__name__)
# %%
y = da.from_array(np.array([1, 3, 3, 0, 7, 1, 1, 2, 9, 3]), chunks=3)
u = da.unique(y)
print(u.shape, u.chunks, u.dtype, u.compute())
u, c = da.unique(y, return_counts=True)
print(c.dtype, c.chunks, u.compute(), c.compute())
print(da.unique(da.from_array(np.array([3.0, np.nan, 1, np.nan]), chunks=2)).compute())
print(np.unique(np.array([[3, 1], [1, 2]])), np.unique([2.5, 1.0, 2.5], return_counts=True))
# %%
b = da.bincount(y)
print(b.shape, b.chunks, b.dtype, b.compute())
b = da.bincount(y, minlength=12)
print(b.shape, b.chunks, b.compute())
w = da.from_array(np.linspace(0, 1, 10), chunks=3)
print(da.bincount(y, weights=w).dtype, da.bincount(y, weights=w).compute())
print(np.bincount(np.array([0, 1, 1, 3])), np.bincount(np.array([2, 2]), minlength=5), np.bincount(np.array([1, 0]), weights=np.array([0.5, 2])))
for bad in [lambda: da.bincount(y, weights=da.ones(10, chunks=5)), lambda: da.bincount(da.ones((2, 2), dtype=int)), lambda: np.bincount(np.ones((2, 2), dtype=int)), lambda: np.bincount(np.array([-1, 2])), lambda: np.bincount(np.array([1]), minlength=-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
for bad in [lambda: np.bincount(np.array([1.5, 2.0])), lambda: np.bincount(np.array([1], dtype='uint64'))]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
# %%
f = da.from_array(np.array([1.0, np.nan, np.inf, -np.inf, -2.5]), chunks=2)
n = da.nan_to_num(f)
print(n.chunks, n.dtype, n.compute()[:2], n.compute()[2] > 1.7e308, n.compute()[3] < -1.7e308)
print(np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0]), nan=-1, posinf=9, neginf=-9))
print(np.nan_to_num(np.array([np.inf], dtype="f4")).dtype, np.nan_to_num(np.arange(3)))
print(da.nan_to_num(da.arange(3, chunks=2)).dtype, type(np.nan_to_num(f)).__name__)
# Expected:
# ((2, 1), (2, 2)) bool
# [[False  True False False]
#  [False  True False  True]
#  [False False False False]]
# [[ True  True False  True]
#  [ True  True  True  True]
#  [ True  True  True False]]
# [ True False False] [False  True False  True]
# Array
# (nan,) ((nan,),) int64 [0 1 2 3 7 9]
# int64 ((nan,),) [0 1 2 3 7 9] [1 3 1 3 1 1]
# [ 1.  3. nan]
# [1 2 3] (array([1. , 2.5]), array([1, 2]))
# (nan,) ((nan,),) int64 [1 3 1 3 0 0 0 1 0 1]
# (12,) ((12,),) [1 3 1 3 0 0 0 1 0 1 0 0]
# float64 [0.33333333 1.22222222 0.77777778 1.33333333 0.         0.
#  0.         0.44444444 0.         0.88888889]
# [1 2 0 1] [0 0 2 0 0] [2.  0.5]
# ValueError Chunks of input array x and weights must match.
# ValueError Input array must be one dimensional. Try using x.ravel()
# ValueError object too deep for desired array
# ValueError 'list' argument must have no negative elements
# ValueError 'minlength' must not be negative
# TypeError Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'
# ((2, 2, 1),) float64 [1. 0.] True True
# [-1.  9. -9.  1.]
# float32 [0 1 2]
# int64 Array
