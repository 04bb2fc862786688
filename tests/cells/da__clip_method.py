import numpy as np
import dask.array as da
x = da.arange(10, chunks=3)
print(x.clip(2, 7).compute(), x.clip(max=4).compute())
print(np.arange(10).clip(2, 7))
# Expected:
# [2 2 2 3 4 5 6 7 7 7] [0 1 2 3 4 4 4 4 4 4]
# [2 2 2 3 4 5 6 7 7 7]
