import dask.array as da
import numpy as np
x = da.from_array(np.arange(100) % 17 - 3.5, chunks=30)
h, bins = da.histogram(x, bins=5, range=[-4, 14])
print(type(h).__name__, h.shape, h.dtype)
print(h.compute(), type(bins).__name__, bins)
h2, e2 = np.histogram(np.arange(100) % 17 - 3.5, bins=5, range=(-4, 14))
print(h2, e2)
hw, _ = da.histogram(x, bins=[-4, 0, 4, 20], weights=da.ones(100, chunks=30) * 0.5)
print(hw.compute())
print(np.histogram([1, 2, 2, 3, 3, 3])[0])
print(np.histogram([1.0, 2.0, 2.0, 5.0], bins=3))
y = da.random.normal(9, 1, size=(200, 300), chunks=(50, 100)) + np.ones((200, 300))
hh, bb = da.histogram(y, bins=100, range=[-9, 11])
print(hh.sum().compute() == 200 * 300, len(bb))
try:
    da.histogram(x, bins=10)
except ValueError as e:
    print("ValueError", e)
# Expected:
# Array (5,) int64
# [24 18 24 18 16] ndarray [-4.  -0.4  3.2  6.8 10.4 14. ]
# [24 18 24 18 16] [-4.  -0.4  3.2  6.8 10.4 14. ]
# [12. 12. 26.]
# [1 0 0 0 0 2 0 0 0 3]
# (array([3, 0, 1]), array([1.        , 2.33333333, 3.66666667, 5.        ]))
# False 101
# ValueError dask.array.histogram requires either specifying bins as an iterable or specifying both a range and the number of bins
