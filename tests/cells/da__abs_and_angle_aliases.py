import dask.array as da
import numpy as np
x = da.from_array(np.arange(-3, 3), chunks=2)
print(type(abs(x)).__name__, abs(x).compute())
print(abs(np.array([-1.5, 2.0, -0.0])))
print(abs(x - 10).sum().compute())
print(np.radians(np.array([0.0, 90.0, 180.0])), da.degrees(da.from_array(np.array([np.pi]))).compute())
# Expected:
# Array [3 2 1 0 1 2]
# [1.5 2.  0. ]
# 63
# [0.         1.57079633 3.14159265] [180.]
