import dask.array as da
import numpy as np
m = np.arange(12.0).reshape(3, 4)
x = da.from_array(m, chunks=2)
v = da.arange(4, chunks=3)
print((x @ x.T).compute())
print(da.dot(x, v).compute(), x.dot(v).compute().dtype)
print(da.dot(v, v).compute(), (v @ v).compute())
print(np.dot(m, m.T).sum(), (m @ m.T)[1].tolist())
r = da.matmul(x.T, x)
print(r.shape, r.chunks, np.allclose(r.compute(), m.T @ m))
i = da.from_array(np.arange(6).reshape(2, 3), chunks=2)
print((i @ i.T).compute(), (i @ i.T).dtype)
print(da.tensordot(x, x, axes=([1], [1])).compute().tolist() == (m @ m.T).tolist())
print(da.outer(da.arange(3, chunks=2), np.arange(2)).compute())
w = da.where(x > 5, x, -1)
print(w.dtype, w.compute())
print(np.where(m > 5, m, 0.5)[0], np.where(np.arange(4) % 2 == 0))
print(da.where(da.arange(5, chunks=2) < 2, 1.5, da.zeros(5, dtype="f4", chunks=2)).compute())
t = da.triu(da.ones((5, 5), chunks=2), 1)
print(t.compute())
print(da.tril(da.ones((4, 6), chunks=(3, 4)), -1).sum().compute(), np.tril(np.ones((4, 6)), -1).sum())
print(np.triu(np.arange(9).reshape(3, 3)))
try:
    np.dot(m, m)
except ValueError as e:
    print("ValueError", e)
# Expected:
# [[ 14.  38.  62.]
#  [ 38. 126. 214.]
#  [ 62. 214. 366.]]
# [14. 38. 62.] float64
# 14 14
# 1134.0 [38.0, 126.0, 214.0]
# (4, 4) ((2, 2), (2, 2)) True
# [[ 5 14]
#  [14 50]] int64
# True
# [[0 0]
#  [0 1]
#  [0 2]]
# float64 [[-1. -1. -1. -1.]
#  [-1. -1.  6.  7.]
#  [ 8.  9. 10. 11.]]
# [0.5 0.5 0.5 0.5] (array([0, 2]),)
# [1.5 1.5 0.  0.  0. ]
# [[0. 1. 1. 1. 1.]
#  [0. 0. 1. 1. 1.]
#  [0. 0. 0. 1. 1.]
#  [0. 0. 0. 0. 1.]
#  [0. 0. 0. 0. 0.]]
# 6.0 6.0
# [[0 1 2]
#  [0 4 5]
#  [0 0 8]]
# ValueError shapes (3,4) and (3,4) not aligned: 4 (dim 1) != 3 (dim 0)
