import dask.array as da
import numpy as np
x = da.from_array(np.arange(24.0).reshape(4, 6), chunks=(2, 4))
m = x[x % 5 < 2]
print(m)
print(m.shape, m.chunks, m.dtype)
print(m.compute())
print(np.arange(24.0).reshape(4, 6)[np.arange(24.0).reshape(4, 6) % 5 < 2])
print(m.sum().compute(), (m * 2).max().compute(), m.mean().compute())
k = m.compute_chunk_sizes()
print(k.shape, k.chunks)
print(k[2:5].compute())
v = da.arange(10, chunks=3)
print(v[v > 6].compute(), v[[1, 8, 2]].compute(), v[np.array([0, 9])].compute())
e = np.arange(6) * 10
print(e[e > 20], e[[0, 2]], e[np.array([True, False, True, False, False, True])])
y = da.ones((5, 4), chunks=2)
print(y[:, [0, 3]].shape, y[[4, 0]].chunks, y[:, [3, 1]].sum().compute())
h, b = da.histogram(m, bins=4, range=(0, 24))
print(h.compute())
print(x.ravel().chunks, x.ravel().compute()[:8], np.ravel(np.ones((2, 2))))
# Expected:
# dask.array<getitem, shape=(nan,), dtype=float64, chunksize=(nan,), chunktype=numpy.ndarray>
# (nan,) ((nan, nan, nan, nan),) float64
# [ 0.  1.  5.  6. 10. 11. 15. 16. 20. 21.]
# [ 0.  1.  5.  6. 10. 11. 15. 16. 20. 21.]
# 105.0 42.0 10.5
# (10,) ((3, 3, 2, 2),)
# [ 5.  6. 10.]
# [7 8 9] [1 8 2] [0 9]
# [30 40 50] [ 0 20] [ 0 20 50]
# (5, 2) ((2,), (2, 2)) 10.0
# [3 3 2 2]
# ((6, 6, 6, 6),) [0. 1. 2. 3. 4. 5. 6. 7.] [1. 1. 1. 1.]
