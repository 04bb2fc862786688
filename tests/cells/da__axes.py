import dask.array as da
import numpy as np
a = np.arange(24).reshape(1, 2, 3, 4)
x = da.from_array(a, chunks=(1, 1, 2, 2))
print(np.squeeze(a).shape, da.squeeze(x).shape, da.squeeze(x).chunks)
print(x.squeeze(axis=0).shape, a.squeeze(0).shape)
print(np.expand_dims(a, 1).shape, da.expand_dims(x, (0, -1)).shape)
print(da.expand_dims(x, 2).chunks)
print(np.swapaxes(a, 1, 3).shape, x.swapaxes(1, 3).chunks, a.swapaxes(0, 2).shape)
print(np.moveaxis(a, 0, -1).shape, da.moveaxis(x, [0, 1], [-1, -2]).shape)
print(np.array_equal(da.moveaxis(x, [0, 1], [-1, -2]).compute(), np.moveaxis(a, [0, 1], [-1, -2])))
print(np.array_equal(da.swapaxes(x, 1, 3).compute(), np.swapaxes(a, 1, 3)))
print(np.array_equal(da.expand_dims(x, (0, -1)).compute(), np.expand_dims(a, (0, -1))))
try:
    np.squeeze(a, axis=1)
except ValueError as e:
    print("ValueError", e)
try:
    da.moveaxis(x, [0, 1], [2])
except ValueError as e:
    print("ValueError", e)
# Expected:
# (2, 3, 4) (2, 3, 4) ((1, 1), (2, 1), (2, 2))
# (2, 3, 4) (2, 3, 4)
# (1, 1, 2, 3, 4) (1, 1, 2, 3, 4, 1)
# ((1,), (1, 1), (1,), (2, 1), (2, 2))
# (1, 4, 3, 2) ((1,), (2, 2), (2, 1), (1, 1)) (3, 2, 1, 4)
# (2, 3, 4, 1) (3, 4, 2, 1)
# True
# True
# True
# ValueError cannot select an axis to squeeze out which has size not equal to one
# ValueError `source` and `destination` arguments must have the same number of elements
