import numpy as np
print(np.float32(2.5), np.int64(3.9), np.float64(7), np.int32(-4.5))
print(np.float32(np.arange(3)).dtype, np.int16([1.7, 2.2, -3.9]))
print(np.dtype('float32') == np.float32, callable(np.float64))
# Expected:
# 2.5 3 7.0 -4
# float32 [ 1  2 -3]
# True True
