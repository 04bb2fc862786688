import dask.array as da
import numpy as np
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, str(e).split("\n")[0])
x = da.arange(12, chunks=4)
x[[0, 3, 5]] = -1
print(x.compute())
x[[-1, -3]] = [7, 8]
print(x.compute())
x[np.array([2, 9, 2])] = 100
print(x.compute())
m = da.zeros((4, 6), chunks=(2, 4))
m[:, [1, -1, 4]] = [1, 2, 3]
m[np.array([3, 0]), 1:3] = np.array([[5], [6]])
m[1, np.array([0, 5])] = 9
print(m.compute())
y = da.arange(10, chunks=3)
k = da.from_array(np.array([1, -2, 4]), chunks=2)
y[k] = 0
print(y.compute())
z = da.zeros((3, 5), chunks=2)
z[:, da.arange(5, chunks=2)[::2]] = da.ones(3, chunks=2)[:, None] * 4
print(z.compute())
w = da.arange(10, chunks=3)
w[da.arange(3, chunks=2)] = da.from_array(np.array([10, 20, 30]), chunks=2)
print(w.compute())
def bad1():
    w[da.from_array(np.array([[1]]))] = 1
def bad2():
    w[da.arange(3, chunks=2)] = [1, 2]
def bad3():
    w[da.arange(3, chunks=2) * 1.5] = 1
def bad4():
    w[da.arange(2), da.arange(2)] = 1
for f in [bad1, bad2, bad3, bad4]:
    err(f)
q = da.arange(6, chunks=4)
q[da.from_array(np.array([0, 7, -7, -1]))] = 1
print(q.compute())
# %%
e = np.zeros((3, 4))
e[[0, -1]] = 5
e[:, np.array([1, -1])] = [[1, 2], [3, 4], [5, 6]]
e[1, [0, 0, 2]] = [7, 8, 9]
print(e)
z2 = da.zeros((4, 6), chunks=(2, 3))
z2[1:3, [0, 4]] = 1
z2[[3], ::2] = 2
print(z2.compute(), z2.chunks)
# Expected:
# [-1  1  2 -1  4 -1  6  7  8  9 10 11]
# [-1  1  2 -1  4 -1  6  7  8  8 10  7]
# [ -1   1 100  -1   4  -1   6   7   8 100  10   7]
# [[0. 6. 6. 0. 3. 2.]
#  [9. 1. 0. 0. 3. 9.]
#  [0. 1. 0. 0. 3. 2.]
#  [0. 5. 5. 0. 3. 2.]]
# [0 0 2 3 0 5 6 7 0 9]
# [[4. 0. 4. 0. 4.]
#  [4. 0. 4. 0. 4.]
#  [4. 0. 4. 0. 4.]]
# [10 20 30  3  4  5  6  7  8  9]
# IndexError Incorrect shape ((1, 1)) of integer indices for dimension with size 10
# ValueError shape mismatch: value array of shape (2,) could not be broadcast to indexing result of shape (3,)
# IndexError boolean index shape (3,) must match indexed array's (10,).
# IndexError Too many indices for array
# [1 1 2 3 4 1]
# [[5. 1. 5. 2.]
#  [8. 3. 9. 4.]
#  [5. 5. 5. 6.]]
# [[0. 0. 0. 0. 0. 0.]
#  [1. 0. 0. 0. 1. 0.]
#  [1. 0. 0. 0. 1. 0.]
#  [2. 0. 2. 0. 2. 0.]] ((2, 2), (3, 3))
