import dask.array as da
import numpy as np
x = da.arange(8, chunks=3)
print(type(np.sin(x)).__name__)
print(repr(np.round(np.sin(x).compute(), 6)))
print(np.sum(x).compute() if hasattr(np.sum(x), 'compute') else np.sum(x))
print(repr(np.exp(x / 8).compute()))
# Expected:
# Array
# array([ 0.      ,  0.841471,  0.909297,  0.14112 , -0.756802, -0.958924,
#        -0.279415,  0.656987])
# 28
# array([1.        , 1.13314845, 1.28402542, 1.45499141, 1.64872127,
#        1.86824596, 2.11700002, 2.39887529])
