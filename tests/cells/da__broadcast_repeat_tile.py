import dask.array as da
import numpy as np
x = da.arange(10, chunks=3)
b = da.broadcast_to(x, (2, 10))
print(b.shape, b.chunks, b.dtype)
print(b.compute())
o = da.broadcast_to(da.ones((1, 4), chunks=2, dtype="i4"), (3, 5, 4))
print(o.chunks, o.dtype, o.sum().compute())
print(np.broadcast_to(np.arange(3), (2, 3)))
print(type(np.broadcast_to(x, (2, 10))).__name__)
try:
    da.broadcast_to(x, (3,))
except ValueError as e:
    print("ValueError", e)
try:
    np.broadcast_to(np.arange(3), (4,))
except ValueError as e:
    print("ValueError", e)
# %%
for r in [2, 3, 4]:
    y = da.repeat(x, r)
    print(r, y.chunks, y.shape)
print(da.repeat(x, 3).compute())
print(da.repeat(x, 0).chunks, da.repeat(x, 1).chunks)
m = da.from_array(np.arange(6).reshape(2, 3), chunks=(1, 2))
print(m.repeat(2, axis=1).chunks, m.repeat(2, axis=1).compute())
print(np.repeat(m, 2, axis=0).chunks, type(np.repeat(m, 2, axis=0)).__name__)
print(np.repeat(np.arange(3), 2), np.arange(4).reshape(2, 2).repeat(2))
print(np.repeat(np.array([[1, 2], [3, 4]]), 3, axis=-1))
for bad in [lambda: da.repeat(x, -1), lambda: da.repeat(m, 2), lambda: np.repeat(np.arange(3), -1), lambda: da.repeat(x, 2, axis=1), lambda: da.repeat(x, 1.5)]:
    try:
        bad()
    except (ValueError, NotImplementedError) as e:
        print(type(e).__name__, e)
# %%
t = da.tile(x, 2)
print(t.chunks, t.compute())
print(da.tile(x, (2, 2)).chunks, da.tile(x, (2, 2)).shape)
t2 = da.tile(da.ones((2, 3), chunks=2, dtype="u1"), (2,))
print(t2.chunks, t2.dtype)
print(da.tile(x, 0).chunks, da.tile(x, 0).shape)
print(np.tile(np.arange(3), (2, 2)))
print(np.tile(np.array([[1, 2], [3, 4]]), 2))
for bad in [lambda: da.tile(x, -1), lambda: np.tile(np.arange(3), -1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
# Expected:
# (2, 10) ((2,), (3, 3, 3, 1)) int64
# [[0 1 2 3 4 5 6 7 8 9]
#  [0 1 2 3 4 5 6 7 8 9]]
# ((3,), (5,), (2, 2)) int32 60
# [[0 1 2]
#  [0 1 2]]
# Array
# ValueError cannot broadcast shape (10,) to shape (3,)
# ValueError operands could not be broadcast together with remapped shapes [original->remapped]: (3,)  and requested shape (4,)
# 2 ((6, 6, 6, 2),) (20,)
# 3 ((6, 3, 3, 6, 6, 3, 3),) (30,)
# 4 ((4, 4, 4, 4, 4, 4, 4, 4, 4, 4),) (40,)
# [0 0 0 1 1 1 2 2 2 3 3 3 4 4 4 5 5 5 6 6 6 7 7 7 8 8 8 9 9 9]
# ((0,),) ((3, 3, 3, 1),)
# ((1, 1), (4, 2)) [[0 0 1 1 2 2]
#  [3 3 4 4 5 5]]
# ((2, 2), (2, 1)) Array
# [0 0 1 1 2 2] [0 0 1 1 2 2 3 3]
# [[1 1 1 2 2 2]
#  [3 3 3 4 4 4]]
# ValueError Number of samples, -1, must be non-negative.
# NotImplementedError Must supply an integer axis value
# ValueError negative dimensions are not allowed
# ValueError axis(=1) out of bounds
# NotImplementedError Only integer valued repeats supported
# ((3, 3, 3, 1, 3, 3, 3, 1),) [0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9]
# ((1, 1), (3, 3, 3, 1, 3, 3, 3, 1)) (2, 20)
# ((2,), (2, 1, 2, 1)) uint8
# ((0,),) (0,)
# [[0 1 2 0 1 2]
#  [0 1 2 0 1 2]]
# [[1 2 1 2]
#  [3 4 3 4]]
# ValueError Negative `reps` are not allowed.
# ValueError negative dimensions are not allowed
