import dask.array as da
import numpy as np
x = da.arange(10, chunks=4)
y = da.arange(5, dtype=float, chunks=3) * 2
c = da.concatenate([x, y])
print(c.shape, c.dtype, c.chunks)
print(c.compute())
a = da.ones((4, 6), chunks=(2, 3))
b = da.zeros((4, 2), chunks=2)
ab = da.concatenate([a, b], axis=1)
print(ab.chunks, ab.sum().compute(), ab[:, 5:7].compute().tolist())
s = da.stack([a, a * 2, a * 3])
print(s.shape, s.chunks[0], s[:, 0, 0].compute())
s1 = da.stack([a, a], axis=-1)
print(s1.shape, s1.chunks)
print(np.concatenate([np.arange(3), np.arange(2)]), np.stack([np.arange(3), np.ones(3)]).shape)
print(np.vstack([np.arange(3), np.arange(3)]).shape, np.hstack([np.arange(3), np.arange(2)]))
print(da.vstack([x, x]).shape, da.hstack([a, a]).shape)
mixed = np.concatenate([da.ones(3, chunks=2), np.zeros(2)])
print(type(mixed).__name__, mixed.compute())
try:
    np.concatenate([np.ones((4, 6)), np.ones((3, 5))])
except ValueError as e:
    print("ValueError", e)
try:
    da.stack([a, b])
except ValueError as e:
    print("ValueError", e)
# Expected:
# (15,) float64 ((4, 4, 2, 3, 2),)
# [0. 1. 2. 3. 4. 5. 6. 7. 8. 9. 0. 2. 4. 6. 8.]
# ((2, 2), (3, 3, 2)) 24.0 [[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.0, 0.0]]
# (3, 4, 6) (1, 1, 1) [1. 2. 3.]
# (4, 6, 2) ((2, 2), (3, 3), (1, 1))
# [0 1 2 0 1] (2, 3)
# (2, 3) [0 1 2 0 1]
# (2, 10) (4, 12)
# Array [1. 1. 1. 0. 0.]
# ValueError all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 6 and the array at index 1 has size 5
# ValueError Stacked arrays must have the same shape. The first array had shape (4, 6), while array 2 has shape (4, 2).
