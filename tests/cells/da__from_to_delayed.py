import dask
import dask.array as da
import numpy as np
from dask import delayed
x = da.arange(10, chunks=4)
parts = x.to_delayed()
print(len(parts), parts[0].compute(), parts[-1].compute())
y = da.ones((4, 6), chunks=(2, 3))
print([len(r) for r in y.to_delayed()], y.to_delayed()[1][1].compute().shape)
def make(n):
    return np.arange(n) * 2.0
d = delayed(make)(5)
a = da.from_delayed(d, shape=(5,), dtype=float)
print(a)
print(a.compute(), (a + 1).sum().compute())
stacked = [da.from_delayed(delayed(make)(3), (3,), dtype=float) for _ in range(2)]
print(*dask.compute(*[s.sum() for s in stacked]))
# Expected:
# 3 [0 1 2 3] [8 9]
# [2, 2] (2, 3)
# dask.array<from-value, shape=(5,), dtype=float64, chunksize=(5,), chunktype=numpy.ndarray>
# [0. 2. 4. 6. 8.] 25.0
# 6.0 6.0
