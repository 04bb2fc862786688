import numpy as np
import dask.array as da
z = da.arange(24, chunks=5).reshape(6, 4).rechunk(2)
w = z[z[:, 0] > 5]
print(w.chunks, w.shape)
print(w.compute())
print(w[:, 1].compute(), w[:, :2].chunks)
v = z[:, np.array([True, False, True, True])]
print(v.chunks, v.compute())
print(z[:, [True, False, True, True]].sum(axis=0).compute())
n = np.arange(24).reshape(6, 4)
print(n[n[:, 0] > 5], n[:, np.array([True, False, True, True])])
w2 = w.compute_chunk_sizes()
print(w2.chunks, w2[1:].compute())
try:
    z[:, np.array([True, False])]
except IndexError as e:
    print("IndexError", e)
try:
    n[:, np.array([True, False])]
except IndexError as e:
    print("IndexError", e)
t = da.arange(60, chunks=7).reshape(3, 4, 5).rechunk((2, 3, 2))
s = t[:, :, t[0, 0] % 2 == 0]
print(s.chunks, s.compute().sum(), s[1:, 2].chunks)
print(s[1:, 2].compute())
print(t[t[:, 0, 0] > 10].chunks, t[t[:, 0, 0] > 10].compute().shape)
y = t[t > 30]
print(y[:].shape, y[...].compute().shape, y[None].shape)
try:
    y[:3]
except ValueError as e:
    print("ValueError")
# Expected:
# ((nan, nan, nan), (2, 2)) (nan, 4)
# [[ 8  9 10 11]
#  [12 13 14 15]
#  [16 17 18 19]
#  [20 21 22 23]]
# [ 9 13 17 21] ((nan, nan, nan), (2,))
# ((2, 2, 2), (2, 1)) [[ 0  2  3]
#  [ 4  6  7]
#  [ 8 10 11]
#  [12 14 15]
#  [16 18 19]
#  [20 22 23]]
# [60 72 78]
# [[ 8  9 10 11]
#  [12 13 14 15]
#  [16 17 18 19]
#  [20 21 22 23]] [[ 0  2  3]
#  [ 4  6  7]
#  [ 8 10 11]
#  [12 14 15]
#  [16 18 19]
#  [20 22 23]]
# ((0, 2, 2), (2, 2)) [[12 13 14 15]
#  [16 17 18 19]
#  [20 21 22 23]]
# IndexError Boolean array with size 2 is not long enough for axis 1 with size 4
# IndexError boolean index did not match indexed array along axis 1; size of axis is 4 but size of corresponding boolean axis is 2
# ((2, 1), (3, 1), (nan, nan, nan)) 1062 ((1, 1), (nan, nan, nan))
# [[30 32 34]
#  [50 52 54]]
# ((nan, nan), (3, 1), (2, 2, 1)) (2, 4, 5)
# (nan,) (29,) (1, nan)
# ValueError
