import numpy as np
a = np.zeros(4)
b = a
a[0] = 5
a[1:3] = [1, 2]
print(a, b)
a[...] = 7
print(a)
a[np.array([True, False, True, False])] = -1
print(a)
a[[0, 3]] = [10, 30]
print(a)
a[0:2] += 1
print(a)
# %%
m = np.arange(12).reshape(3, 4)
m[1, 2] = 2.7
m[::2, 1] = -5
m[:, 3] = np.array([7, 8, 9])
m[2] = 100
print(m)
m[m > 50] = 0
print(m)
m[:, [0, 2]] = [[1, 2]]
print(m, m.dtype)
# %%
v = np.arange(6)
w = v[1:5]
w[0] = 70
w[::2] = -1
print(v, w)
r = v[::-1]
r[0] = 99
print(v, r)
c = np.asarray(v)
c[5] = 55
d = np.array(v)
d[5] = -55
print(v, c is v)
t = np.zeros(3, bool)
t[0] = 2.5
t[1] = -0.0
print(t)
f = np.zeros(2, np.float32)
f[0] = True
print(f)
u = np.zeros(3, np.uint8)
u[:] = np.array([300, -1, 2])
print(u)
# %%
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
def b1():
    a[0:2] = [1, 2, 3]
def b2():
    a[10] = 1
def b3():
    a[np.array([True, False])] = 1
def b4():
    del a[0]
def b5():
    a[[0, 5]] = 1
def b6():
    a[[0, 2]] = [1, 2, 3]
def b7():
    np.arange(3)[1] = np.nan
def b8():
    np.zeros(3, np.uint8)[0] = 300
def b9():
    np.arange(3)[0] = float("inf")
def b10():
    a[0, 0] = 1
def b11():
    a[np.array([True, False, True, True])] = [1, 2]
def b12():
    np.zeros((2, 2))[0] = np.ones((2, 2))
for f in [b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12]:
    err(f)
print(a)
# Expected:
# [5. 1. 2. 0.] [5. 1. 2. 0.]
# [7. 7. 7. 7.]
# [-1.  7. -1.  7.]
# [10.  7. -1. 30.]
# [11.  8. -1. 30.]
# [[  0  -5   2   7]
#  [  4   5   2   8]
#  [100 100 100 100]]
# [[ 0 -5  2  7]
#  [ 4  5  2  8]
#  [ 0  0  0  0]]
# [[ 1 -5  2  7]
#  [ 1  5  2  8]
#  [ 1  0  2  0]] int64
# [ 0 -1  2 -1  4  5] [-1  2 -1  4]
# [ 0 -1  2 -1  4 99] [99  4 -1  2 -1  0]
# [ 0 -1  2 -1  4 55] True
# [ True False False]
# [1. 0.]
# [ 44 255   2]
# ValueError could not broadcast input array from shape (3,) into shape (2,)
# IndexError index 10 is out of bounds for axis 0 with size 4
# IndexError boolean index did not match indexed array along axis 0; size of axis is 4 but size of corresponding boolean axis is 2
# ValueError cannot delete array elements
# IndexError index 5 is out of bounds for axis 0 with size 4
# ValueError shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)
# ValueError cannot convert float NaN to integer
# OverflowError Python integer 300 out of bounds for uint8
# OverflowError cannot convert float infinity to integer
# IndexError too many indices for array: array is 1-dimensional, but 2 were indexed
# ValueError NumPy boolean array indexing assignment cannot assign 2 input values to the 3 output values where the mask is true
# ValueError could not broadcast input array from shape (2,2) into shape (2,)
# [11.  8. -1. 30.]
