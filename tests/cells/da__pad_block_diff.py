import dask.array as da
import numpy as np
x = da.arange(10, chunks=3)
print(da.pad(x, 2).chunks, da.pad(x, (1, 5)).chunks, da.pad(x, 0).chunks)
print(da.pad(x, (2, 3), constant_values=(-1, -2)).compute())
m = da.ones((5, 7), chunks=(2, 3))
p = da.pad(m, ((1, 0), (4, 9)), constant_values=7)
print(p.chunks, p.shape, p.dtype, p.sum().compute())
f = da.pad(x.astype("f4"), 1, constant_values=1.5)
print(f.dtype, f.compute())
print(da.pad(x, 1, constant_values=2.7).compute()[:3])
print(np.pad(np.arange(4).reshape(2, 2), ((1, 0), (0, 2)), constant_values=9))
print(np.pad(np.arange(3), 2, mode="constant"))
for bad in [lambda: np.pad(np.arange(3), -1), lambda: np.pad(np.arange(3), ((1, 2), (3, 4))), lambda: da.pad(x, 1, mode="foo")]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
# %%
a = da.ones((2, 2), chunks=1)
b = da.zeros((2, 3), chunks=2)
k = da.block([[a, b], [b, a]])
print(k.shape, k.chunks, k.dtype)
print(k.compute())
print(da.block([x, x]).chunks, da.block([[1, 2], [3, 4]]).compute())
print(np.block([[np.eye(2), np.zeros((2, 1))], [np.ones((1, 3))]]))
try:
    da.block([[a, b], a])
except ValueError as e:
    print("ValueError", e)
try:
    np.block([[np.eye(2)], (np.eye(2),)])
except TypeError as e:
    print("TypeError", e)
try:
    da.block([[a], []])
except ValueError as e:
    print("ValueError", e)
# %%
y = da.from_array(np.array([1, 2, 4, 7, 0, 3, 3, 9, 8, 1]), chunks=3)
d = da.diff(y)
print(d.chunks, d.dtype, d.compute())
print(da.diff(y, 2).chunks, da.diff(y, 2).compute())
print(da.diff(y, 0).chunks)
g = da.from_array(np.arange(35.0).reshape(5, 7) ** 2, chunks=(2, 3))
print(da.diff(g, axis=0).chunks, da.diff(g).chunks)
print(np.allclose(da.diff(g, axis=0).compute(), np.diff(np.arange(35.0).reshape(5, 7) ** 2, axis=0)))
print(da.diff(da.arange(10, chunks=5)).chunks, da.diff(da.arange(10, chunks=(1, 9))).chunks)
print(np.diff(np.array([1, 2, 4, 7])), np.diff(np.array([True, True, False])))
print(np.diff(np.arange(6).reshape(2, 3), axis=0), type(np.diff(y)).__name__)
for bad in [lambda: da.diff(y, -1), lambda: np.diff(np.arange(3), -1), lambda: np.diff(np.array(5))]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
# Expected:
# ((2, 3, 3, 3, 1, 2),) ((1, 3, 3, 3, 1, 3, 2),) ((3, 3, 3, 1),)
# [-1 -1  0  1  2  3  4  5  6  7  8  9 -2 -2 -2]
# ((1, 2, 2, 1), (3, 1, 3, 3, 1, 3, 3, 3)) (6, 20) float64 630.0
# float32 [1.5 0.  1.  2.  3.  4.  5.  6.  7.  8.  9.  1.5]
# [2 0 1]
# [[9 9 9 9]
#  [0 1 9 9]
#  [2 3 9 9]]
# [0 0 0 1 2 0 0]
# ValueError index can't contain negative values
# ValueError operands could not be broadcast together with remapped shapes [original->remapped]: (2,2)  and requested shape (1,2)
# ValueError mode 'foo' is not supported
# (4, 5) ((1, 1, 1, 1), (1, 1, 1, 1, 1)) float64
# [[1. 1. 0. 0. 0.]
#  [1. 1. 0. 0. 0.]
#  [0. 0. 0. 1. 1.]
#  [0. 0. 0. 1. 1.]]
# ((3, 3, 3, 1, 3, 3, 3, 1),) [[1 2]
#  [3 4]]
# [[1. 0. 0.]
#  [0. 1. 0.]
#  [1. 1. 1.]]
# ValueError List depths are mismatched. First element was at depth 2, but there is an element at depth 1 (arrays[1])
# TypeError arrays[1] is a tuple. Only lists can be used to arrange blocks, and np.block does not allow implicit conversion from tuple to ndarray.
# ValueError Lists cannot be empty
# ((2, 1, 2, 1, 2, 1),) int64 [ 1  2  3 -7  3  0  6 -1 -7]
# ((1, 1, 1, 1, 1, 1, 1, 1),) [  1   1 -10  10  -3   6  -7  -6]
# ((3, 3, 3, 1),)
# ((1, 1, 1, 1), (3, 3, 1)) ((2, 2, 1), (2, 1, 2, 1))
# True
# ((4, 1, 4),) ((1, 8),)
# [1 2 3] [False  True]
# [[3 3 3]] Array
# ValueError order must be non-negative but got -1
# ValueError order must be non-negative but got -1
# ValueError diff requires input that is at least one dimensional
