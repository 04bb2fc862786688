import os
import numpy as np
import dask.array as da
D = f'/tmp/tessera-npy-fixture-{os.getpid()}'
os.makedirs(D, exist_ok=True)
x = np.arange(24).reshape(4, 6) * 1.5
np.save(D + '/x', x)
print(np.load(D + '/x.npy'))
np.save(D + '/i.npy', np.arange(10))
print(np.load(D + '/i.npy').dtype)
m = np.load(D + '/x.npy', mmap_mode='r')
print(m.shape, m.dtype, len(m), m.ndim, m.nbytes)
print(m[1:3, ::2])
print(m[0, 1], m[-1].sum(), m.sum())
d = da.from_array(m, chunks=(2, 3))
print(d.chunks, d.sum().compute(), (d * 2).mean(axis=0).compute())
np.save(D + '/y.npy', da.ones((3, 3), chunks=2) * 7)
print(np.load(D + '/y.npy'))
try:
    np.load('/tmp/tessera-npy-fixture/missing.npy')
except FileNotFoundError as e:
    print('FileNotFoundError', e)
# Expected:
# [[ 0.   1.5  3.   4.5  6.   7.5]
#  [ 9.  10.5 12.  13.5 15.  16.5]
#  [18.  19.5 21.  22.5 24.  25.5]
#  [27.  28.5 30.  31.5 33.  34.5]]
# int64
# (4, 6) float64 4 2 192
# [[ 9. 12. 15.]
#  [18. 21. 24.]]
# 1.5 184.5 414.0
# ((2, 2), (3, 3)) 414.0 [27. 30. 33. 36. 39. 42.]
# [[7. 7. 7.]
#  [7. 7. 7.]
#  [7. 7. 7.]]
# FileNotFoundError [Errno 2] No such file or directory: '/tmp/tessera-npy-fixture/missing.npy'
