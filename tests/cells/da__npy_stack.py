import os
import numpy as np
import dask.array as da
D = f'/tmp/tessera-npy-stack-{os.getpid()}-'
x = da.from_array(np.arange(60).reshape(5, 4, 3), chunks=(2, 3, 2))
da.to_npy_stack(D + 'a', x)
print(sorted(os.listdir(D + 'a')))
y = da.from_npy_stack(D + 'a')
print(y.shape, y.chunks, y.dtype, type(y).__name__)
print((y.compute() == x.compute()).all(), y.sum().compute(), y[3, 1].compute())
print(np.load(D + 'a/1.npy').shape)
# %%
f = da.from_array(np.linspace(0, 1, 12).reshape(3, 4).astype('float32'), chunks=(2, 3))
da.to_npy_stack(D + 'b', f, axis=1)
g = da.from_npy_stack(D + 'b', mmap_mode=None)
print(g.chunks, g.dtype, (g.compute() == f.compute()).all())
print(sorted(os.listdir(D + 'b')))
b = da.from_array(np.array([True, False, True, True]), chunks=3)
da.to_npy_stack(D + 'c', b, axis=0)
print(da.from_npy_stack(D + 'c').compute())
da.to_npy_stack(D + 'c', da.arange(7, chunks=2))
print(da.from_npy_stack(D + 'c').chunks, da.from_npy_stack(D + 'c').compute())
# %%
try:
    da.from_npy_stack('/tmp/tessera-npy-stack-fixture-missing')
except FileNotFoundError as e:
    print("FileNotFoundError", e)
# Expected:
# ['0.npy', '1.npy', '2.npy', 'info']
# (5, 4, 3) ((2, 2, 1), (4,), (3,)) int64 Array
# True 1770 [39 40 41]
# (2, 4, 3)
# ((3,), (3, 1)) float32 True
# ['0.npy', '1.npy', 'info']
# [ True False  True  True]
# ((2, 2, 2, 1),) [0 1 2 3 4 5 6]
# FileNotFoundError [Errno 2] No such file or directory: '/tmp/tessera-npy-stack-fixture-missing/info'
