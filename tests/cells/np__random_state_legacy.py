import numpy as np
import dask.array as da
rs = da.random.RandomState(42)
x = rs.normal(10, 0.1, size=(2000, 300), chunks=(500, 300))
i = rs.randint(0, 5, size=(40,), chunks=10)
u = rs.random_sample((20, 20), chunks=10)
print(type(rs).__name__, type(x).__name__, x.chunks, i.chunks, u.numblocks)
print(abs(float(x.mean().compute()) - 10) < 0.01, abs(float(x.std().compute()) - 0.1) < 0.01)
iv = i.compute()
print(iv.dtype, iv.min() >= 0, iv.max() < 5)
# The same seed gives the same draws; the next draw is a new stream.
a = da.random.RandomState(3).random_sample(8, chunks=4).compute()
b = da.random.RandomState(3).random_sample(8, chunks=4).compute()
s = np.random.RandomState(3)
print(bool((a == b).all()), bool((s.random_sample(5) != s.random_sample(5)).any()))
print(np.random.RandomState(1).randint(10, size=4).shape)
rs.no_such_distribution
# Expected:
# RandomState Array ((500, 500, 500, 500), (300,)) ((10, 10, 10, 10),) (2, 2)
# True True
# int64 True True
# True True
# (4,)
# !! AttributeError: 'RandomState' object has no attribute 'no_such_distribution'
