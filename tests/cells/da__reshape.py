import dask.array as da
import numpy as np
x = da.ones((5000, 5000), chunks=(1000, 1000))
y = x.reshape(5000, 1000, 5)
print(y.shape, y.chunks)
print(x.reshape((1000, 5, 5000)).chunks)
print(da.ones((5000, 5000)).reshape(5000, 1000, 5).chunks)
try:
    x.reshape(1000, 5000, 5)
except NotImplementedError as e:
    print("NotImplementedError", "merge or split existing dimensions" in str(e))
z = x.reshape(-1).reshape(1000, 5000, 5)
print(z.shape, z.chunksize)
a = da.from_array(np.arange(120).reshape(12, 10), chunks=(5, 3))
b = a.reshape(6, 2, 10)
print(b.chunks)
print(np.array_equal(b.compute(), np.arange(120).reshape(6, 2, 10)))
c = a.reshape(-1)
print(c.chunks, c[37].compute(), c[-1].compute())
print(a.reshape(4, 3, -1).compute()[3, 2])
print(da.reshape(a, (120,)).sum().compute(), a.reshape((2, 6, 10)).shape)
try:
    a.reshape(-1, -1)
except ValueError as e:
    print("ValueError", e)
m = a[a > 100]
try:
    m.reshape(1, 19)
except ValueError as e:
    print("ValueError", str(e).splitlines()[0])
print(m.reshape(-1) is m or m.reshape(-1).name == m.name)
# Expected:
# (5000, 1000, 5) ((1000, 1000, 1000, 1000, 1000), (200, 200, 200, 200, 200), (5,))
# ((200, 200, 200, 200, 200), (5,), (1000, 1000, 1000, 1000, 1000))
# ((4096, 904), (819, 181), (5,))
# NotImplementedError True
# (1000, 5000, 5) (40, 5000, 5)
# ((2, 1, 2, 1), (2,), (3, 3, 3, 1))
# True
# ((10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10),) 37 119
# [110 111 112 113 114 115 116 117 118 119]
# 7140 (2, 6, 10)
# ValueError can only specify one unknown dimension
# ValueError Array chunk size or shape is unknown. shape: (nan,)
# True
