import dask.array as da
import numpy as np
x = da.from_array(np.arange(-3, 3), chunks=2)
print(type(abs(x)).__name__, abs(x).compute())
print(abs(np.array([-1.5, 2.0, -0.0])))
print(abs(x - 10).sum().compute())
# Expected:
# Array [3 2 1 0 1 2]
# [1.5 2.  0. ]
# 63
