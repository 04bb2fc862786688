import dask.array as da
import numpy as np
x = da.from_array(np.arange(24).reshape(4, 6), chunks=(2, 3))
y = x.map_blocks(lambda b: b * 2)
print(y.shape, y.chunks, y.dtype)
print(y.compute().tolist())
def label(b, block_id=None):
    return np.ones(b.shape) * (block_id[0] * 10 + block_id[1])
print(da.map_blocks(label, x, dtype='f8').compute().tolist())
z = x.map_blocks(lambda b: b.sum(axis=1), drop_axis=1)
print(z.chunks, z.compute().tolist())
w = x.map_blocks(lambda b: b[:, :, None] * np.ones((1, 1, 2)), new_axis=2, chunks=(2, 3, 2))
print(w.shape, w.chunks, float(w.sum().compute()))
a = da.ones((4, 6), chunks=(2, 3))
print(da.map_blocks(lambda p, q, k: p + q * k, x, a, 3).compute()[0].tolist())
print(x.map_blocks(lambda b, off=0: b + off, off=100).compute()[0].tolist())
print(x.map_blocks(lambda b: b.astype('f4')).dtype, x.map_blocks(np.sqrt).dtype)
print(x.map_blocks(lambda b: b[:1], chunks=(1, 3)).compute().tolist())
try:
    x.map_blocks(lambda b: b.no_such_method(), dtype=float).compute()
except AttributeError as e:
    print("AttributeError", "no_such_method" in str(e))
# Expected:
# (4, 6) ((2, 2), (3, 3)) int64
# [[0, 2, 4, 6, 8, 10], [12, 14, 16, 18, 20, 22], [24, 26, 28, 30, 32, 34], [36, 38, 40, 42, 44, 46]]
# [[0.0, 0.0, 0.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 1.0, 1.0, 1.0], [10.0, 10.0, 10.0, 11.0, 11.0, 11.0], [10.0, 10.0, 10.0, 11.0, 11.0, 11.0]]
# ((2, 2),) [15, 51, 87, 123]
# (4, 6, 2) ((2, 2), (3, 3), (2,)) 552.0
# [3.0, 4.0, 5.0, 6.0, 7.0, 8.0]
# [100, 101, 102, 103, 104, 105]
# float32 float64
# [[0, 1, 2, 3, 4, 5], [12, 13, 14, 15, 16, 17]]
# AttributeError True
