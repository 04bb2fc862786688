import dask.array as da
import numpy as np
t = da.from_array(np.array([5, 1, 9, 3, 7, 2, 8]), chunks=3)
print(da.topk(t, 2).chunks, da.topk(t, 2).compute(), da.topk(t, -3).compute())
print(t.topk(3).compute(), t.topk(3).dtype)
print(da.argtopk(t, 2).compute(), da.argtopk(t, -2).compute(), da.argtopk(t, 2).dtype)
print(t.argtopk(-3).compute(), t.argtopk(-3).chunks)
# %%
m = da.from_array(np.arange(24).reshape(4, 6) * 7 % 24, chunks=(2, 4))
print(m.compute())
print(da.topk(m, 2, axis=0).chunks, da.topk(m, 2).chunks)
print(da.topk(m, 2).compute())
print(da.argtopk(m, -2, axis=0).compute())
f = da.from_array(np.array([0.5, -1.0, 3.25, 2.0, 10.0, -7.5]), chunks=4)
print(da.topk(f, 3).compute(), da.topk(f, -1).compute(), da.argtopk(f, 1).compute())
r = da.random.random(1000, chunks=97)
top = da.topk(r, 5).compute()
print(top[0] == r.max().compute(), (top[:-1] > top[1:]).all(), (r > top[-1]).sum().compute())
try:
    da.topk(t, 2, axis=1)
except Exception as e:
    print(e)
# Expected:
# ((2,),) [9 8] [1 2 3]
# [9 8 7] int64
# [2 6] [1 5] int64
# [1 5 3] ((3,),)
# [[ 0  7 14 21  4 11]
#  [18  1  8 15 22  5]
#  [12 19  2  9 16 23]
#  [ 6 13 20  3 10 17]]
# ((2,), (4, 2)) ((2, 2), (2,))
# [[21 14]
#  [22 18]
#  [23 19]
#  [20 17]]
# [[0 1 2 3 0 1]
#  [3 0 1 2 3 0]]
# [10.    3.25  2.  ] [-7.5] [4]
# True True 4
# Axis 1 is out of bounds for array of dimension 1
