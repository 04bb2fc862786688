import dask.array as da
import numpy as np
x = da.arange(10, chunks=3)
y = x
name = x.name
x[0:2] = -1
print(x.name != name, x.name[:8], y.name == x.name, x.chunks, x.dtype)
print(x.compute())
x[3] = 2.7
x[::-3] = da.arange(4, chunks=2) * 10
print(x.compute())
x[[1, 4]] = [5, 6]
print(x.compute())
x[x > 20] = 0
print(x.name[:6], x.compute())
x[...] = 3
print(x.compute(), x.chunks)
# %%
m = da.ones((4, 5), chunks=2)
m[::2, 1] = 7
m[:, 3] = [1, 2, 3, 4]
m[3] = 0
m[0:2] += 1
print(m.name[:8], m.chunks, m.dtype)
print(m.compute())
k = da.zeros((4, 4), chunks=2)
k[np.eye(4, dtype=bool)[0]] = 5
k[da.eye(4, chunks=2) > 0] = 9
print(k.compute())
n = da.arange(10, chunks=3)
n[np.arange(10) > 6] = 1
n[2:5] = np.array([7.9, 8.5, 9.1])
print(n.compute(), n.dtype)
a = np.zeros(4)
xa = da.from_array(a, chunks=2)
sa = da.ones(4, chunks=2) + a
a[0] = 9
xa[1] = a[0]
print(a, xa.compute(), sa.compute())
# %%
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
z = da.arange(10, chunks=3)
def c1():
    z[0:2] = [1, 2, 3]
def c2():
    z[10] = 1
def c3():
    z[da.arange(5) > 2] = 1
def c4():
    z[1] = np.nan
def c5():
    z[z > 3][0:2] = 1
    w = z[z > 3]
    w[0] = 1
def c6():
    z[0:6] = z[z > 3]
def c7():
    z[[0, 20]] = 1
def c8():
    z[0, 0] = 1
def c9():
    z[z > 3] = [1, 2]
def c10():
    del z[0]
def c11():
    z[0:2] = [[1, 2], [3, 4]]
def c12():
    z[True] = 1
for f in [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12]:
    err(f)
print(z.compute())
# Expected:
# True setitem- True ((3, 3, 3, 1),) int64
# [-1 -1  2  3  4  5  6  7  8  9]
# [30 -1  2 20  4  5 10  7  8  0]
# [30  5  2 20  6  5 10  7  8  0]
# where- [ 0  5  2 20  6  5 10  7  8  0]
# [3 3 3 3 3 3 3 3 3 3] ((3, 3, 3, 1),)
# setitem- ((2, 2), (2, 2, 1)) float64
# [[2. 8. 2. 2. 2.]
#  [2. 2. 2. 3. 2.]
#  [1. 7. 1. 3. 1.]
#  [0. 0. 0. 0. 0.]]
# [[9. 5. 5. 5.]
#  [0. 9. 0. 0.]
#  [0. 0. 9. 0.]
#  [0. 0. 0. 9.]]
# [0 1 7 8 9 5 6 1 1 1] int64
# [9. 0. 0. 0.] [0. 9. 0. 0.] [1. 1. 1. 1.]
# ValueError shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)
# IndexError Index 10 is out of bounds for axis 0 with size 10
# IndexError boolean index shape (5,) must match indexed array's (10,).
# ValueError cannot convert float NaN to integer
# ValueError Arrays chunk sizes are unknown. 
# ValueError shape mismatch: value array of shape (nan,) could not be broadcast to indexing result of shape (6,)
# IndexError Index is out of bounds for axis 0 with size 10
# IndexError Too many indices for array
# ValueError cannot broadcast shape (2,) to shape (nan,)
# AttributeError __delitem__
# ValueError could not broadcast input array from shape(2, 2) into shape (2,)
# NotImplementedError dask does not yet implement assignment to a scalar boolean index: True
# [0 1 2 3 4 5 6 7 8 9]
