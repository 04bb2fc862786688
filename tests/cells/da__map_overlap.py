import dask.array as da
import numpy as np
x = da.from_array(np.arange(20).reshape(4, 5), chunks=2)
def msum(b):
    return b[:-2] + b[1:-1] + b[2:]
v = da.from_array(np.array([1, 4, 2, 8, 5, 7, 3, 6, 9]), chunks=3)
for bnd in ["none", "reflect", "periodic", "nearest", 0, 100]:
    y = v.map_overlap(lambda b: np.concatenate([b[:1], msum(b), b[-1:]]), depth=1, boundary=bnd)
    print(bnd, y.chunks, y.compute().tolist())
y = x.map_overlap(lambda b: b * 2, depth=1, boundary="reflect")
print(y.shape, y.chunks, y.dtype, y.compute().tolist())
def sizes(b):
    return np.full(b.shape, b.shape[0] * 10 + b.shape[1])
print(x.map_overlap(sizes, depth=1).compute().tolist())
print(x.map_overlap(sizes, depth=1, boundary="periodic").compute().tolist())
print(x.map_overlap(sizes, depth={0: 1}, boundary={0: "nearest"}).compute().tolist())
print(x.map_overlap(sizes, depth=(0, 2), boundary="none").compute().tolist())
print(x.map_overlap(lambda b: b + b.size, depth=1, boundary="reflect").compute().tolist())
print(x.map_overlap(lambda b: b + b.size, depth={0: 1, 1: 1}, boundary={0: "reflect", 1: "none"}).compute().tolist())
# %%
def corner(b):
    return np.full(b.shape, b[0, 0])
print(x.map_overlap(corner, depth=1, boundary="periodic").compute().tolist())
print(x.map_overlap(corner, depth=1, boundary={0: -1, 1: "reflect"}).compute().tolist())
print(x.map_overlap(corner, depth=1, boundary={0: "reflect", 1: -1}).compute().tolist())
print(x.map_overlap(corner, depth=1, boundary=(-1, -2)).compute().tolist())
print(da.map_overlap(lambda b: b[0, :1] + np.zeros(b.shape, dtype=int), x, depth={0: (1, 0)}).compute().tolist())
w = x.map_overlap(lambda b: b, depth=3, boundary="reflect")
print(w.chunks, w.compute().tolist() == np.arange(20).reshape(4, 5).tolist())
t = x.map_overlap(lambda b: b[1:-1, 1:-1] * 10, depth=1, boundary="periodic", trim=False)
print(t.chunks, t.compute().tolist())
f = x.astype("f4").map_overlap(lambda b: b / 2, depth=1, boundary=1.5)
print(f.dtype, f.compute()[0].tolist())
s = da.map_overlap(lambda a, b: a + b, x, x * 100, depth=1, boundary="nearest")
print(s.chunks, s.compute()[3].tolist())
def ids(b, block_id=None):
    if block_id is None:
        return b
    return np.full(b.shape, block_id[0] * 10 + block_id[1])
print(x.map_overlap(ids, depth=1, boundary="none").compute().tolist())
z = x.map_overlap(lambda b: b.sum(axis=1), depth=1, boundary="reflect", drop_axis=1)
print(z.chunks, z.compute().tolist())
print(x.map_overlap(lambda b: b * 2, depth=0).compute()[1].tolist())
# %%
g = da.overlap.overlap(x, depth={0: 1, 1: 1}, boundary={0: 100, 1: "reflect"})
print(g.chunks, g.compute().tolist())
print(da.overlap.trim_internal(g, {0: 1, 1: 1}, boundary="reflect").compute().tolist())
print(da.overlap.overlap(x, depth=1, boundary="none").chunks)
# %%
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: x.map_overlap(lambda b: b, depth=5, boundary="reflect").compute())
err(lambda: x.map_overlap(lambda b: b, depth=3, boundary="reflect", allow_rechunk=False))
err(lambda: x.map_overlap(lambda b: b, depth=1, boundary="foo").compute())
err(lambda: x.astype(float).map_overlap(lambda b: b, depth=1, boundary="foo").compute())
err(lambda: x.map_overlap(lambda b: b, depth={0: (1, 2)}, boundary="reflect"))
err(lambda: da.map_overlap(lambda b: b, x, 3, depth=1))
err(lambda: da.map_overlap(3, x, depth=1))
try:
    x.map_overlap(lambda b: b.no_such_method(), depth=1, dtype=int).compute()
except AttributeError as e:
    print("AttributeError", "no_such_method" in str(e))
# Expected:
# none ((3, 3, 3),) [1, 7, 14, 15, 20, 15, 16, 18, 9]
# reflect ((3, 3, 3),) [6, 7, 14, 15, 20, 15, 16, 18, 24]
# periodic ((3, 3, 3),) [14, 7, 14, 15, 20, 15, 16, 18, 16]
# nearest ((3, 3, 3),) [6, 7, 14, 15, 20, 15, 16, 18, 24]
# 0 ((3, 3, 3),) [5, 7, 14, 15, 20, 15, 16, 18, 15]
# 100 ((3, 3, 3),) [105, 7, 14, 15, 20, 15, 16, 18, 115]
# (4, 5) ((2, 2), (2, 2, 1)) int64 [[0, 2, 4, 6, 8], [10, 12, 14, 16, 18], [20, 22, 24, 26, 28], [30, 32, 34, 36, 38]]
# [[33, 33, 34, 34, 32], [33, 33, 34, 34, 32], [33, 33, 34, 34, 32], [33, 33, 34, 34, 32]]
# [[44, 44, 44, 44, 43], [44, 44, 44, 44, 43], [44, 44, 44, 44, 43], [44, 44, 44, 44, 43]]
# [[42, 42, 42, 42, 41], [42, 42, 42, 42, 41], [42, 42, 42, 42, 41], [42, 42, 42, 42, 41]]
# [[24, 24, 25, 25, 25], [24, 24, 25, 25, 25], [24, 24, 25, 25, 25], [24, 24, 25, 25, 25]]
# [[16, 17, 18, 19, 16], [21, 22, 23, 24, 21], [26, 27, 28, 29, 26], [31, 32, 33, 34, 31]]
# [[12, 13, 18, 19, 12], [17, 18, 23, 24, 17], [22, 23, 28, 29, 22], [27, 28, 33, 34, 27]]
# [[19, 19, 16, 16, 18], [19, 19, 16, 16, 18], [9, 9, 6, 6, 8], [9, 9, 6, 6, 8]]
# [[-1, -1, -1, -1, -1], [-1, -1, -1, -1, -1], [5, 5, 6, 6, 8], [5, 5, 6, 6, 8]]
# [[-1, -1, 1, 1, 3], [-1, -1, 1, 1, 3], [-1, -1, 6, 6, 8], [-1, -1, 6, 6, 8]]
# [[-2, -2, -1, -1, -1], [-2, -2, -1, -1, -1], [-2, -2, 6, 6, 8], [-2, -2, 6, 6, 8]]
# [[0, 0, 2, 2, 4], [0, 0, 2, 2, 4], [5, 5, 7, 7, 9], [5, 5, 7, 7, 9]]
# ((4,), (5,)) True
# ((2, 2), (2, 2, 1)) [[0, 10, 20, 30, 40], [50, 60, 70, 80, 90], [100, 110, 120, 130, 140], [150, 160, 170, 180, 190]]
# float32 [0.0, 0.5, 1.0, 1.5, 2.0]
# ((2, 2), (2, 2, 1)) [1515, 1616, 1717, 1818, 1919]
# [[0, 0, 1, 1, 2], [0, 0, 1, 1, 2], [10, 10, 11, 11, 12], [10, 10, 11, 11, 12]]
# ((2, 2),) [24, 79, 134, 189]
# [10, 12, 14, 16, 18]
# ((4, 4), (4, 4, 3)) [[100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100], [0, 0, 1, 2, 1, 2, 3, 4, 3, 4, 4], [5, 5, 6, 7, 6, 7, 8, 9, 8, 9, 9], [10, 10, 11, 12, 11, 12, 13, 14, 13, 14, 14], [5, 5, 6, 7, 6, 7, 8, 9, 8, 9, 9], [10, 10, 11, 12, 11, 12, 13, 14, 13, 14, 14], [15, 15, 16, 17, 16, 17, 18, 19, 18, 19, 19], [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]]
# [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12, 13, 14], [15, 16, 17, 18, 19]]
# ((3, 3), (3, 4, 2))
# ValueError The overlapping depth 5 is larger than your array 4.
# ValueError Overlap depth is larger than smallest chunksize.
# Please set allow_rechunk=True to rechunk automatically.
# Overlap depths required: [3, 3]
# Input chunks: ((2, 2), (2, 2, 1))
#
# ValueError invalid literal for int() with base 10: np.str_('foo')
# ValueError could not convert string to float: np.str_('foo')
# NotImplementedError Asymmetric overlap is currently only implemented for boundary='none', however boundary for dimension 0 in array argument 0 is reflect
# TypeError All variadic arguments must be arrays, not ['Array', 'int']
# Usage:   da.map_overlap(function, x)
#    or:   da.map_overlap(function, x, y, z)
# TypeError First argument must be callable function, not int
# Usage:   da.map_overlap(function, x)
#    or:   da.map_overlap(function, x, y, z)
# AttributeError True
