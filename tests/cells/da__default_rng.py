import numpy as np
import dask.array as da
rng = np.random.default_rng(42)
a = rng.random((3, 4))
b = rng.normal(5, 2, size=1000)
c = rng.integers(0, 10, size=(50,))
print(type(rng).__name__, a.shape, a.dtype, bool((a >= 0).all() and (a < 1).all()))
print(b.shape, abs(b.mean() - 5) < 0.5, abs(b.std() - 2) < 0.5)
print(c.dtype, c.min() >= 0, c.max() < 10)
d = da.random.default_rng(7).standard_normal((100, 100), chunks=(50, 50))
print(type(d).__name__, d.chunks, abs(float(d.mean().compute())) < 0.1)
# Expected:
# Generator (3, 4) float64 True
# (1000,) True True
# int64 True True
# Array ((50, 50), (50, 50)) True
