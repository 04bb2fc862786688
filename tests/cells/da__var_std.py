import dask.array as da
import numpy as np
a = np.linspace(-3, 5, 40).reshape(8, 5)
x = da.from_array(a, chunks=(3, 2))
print(np.allclose(x.var().compute(), a.var()), np.allclose(x.std(axis=0).compute(), a.std(axis=0)))
print(np.allclose(x.var(ddof=1).compute(), a.var(ddof=1)))
print(np.allclose(x.mean(axis=1).compute(), a.mean(axis=1)))
print(repr(x.argmin(axis=0).compute()))
# Expected:
# True True
# True
# True
# array([0, 0, 0, 0, 0])
