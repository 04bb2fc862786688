import dask.array as da
import numpy as np
x = da.ones((1000, 1000), chunks=(10, 10))
a = x.rechunk({0: 100})
print(a.chunks[0][:3], len(a.chunks[0]), a.chunks[1][:3], len(a.chunks[1]))
b = x.rechunk({1: -1})
print(b.chunks[1], b.chunks[0][:3])
print(x.rechunk("auto").chunks, x.rechunk().chunks)
print(x.rechunk({0: None, -1: 250}).chunks[1], x.rechunk((None, 500)).chunks)
print(x.rechunk((100, "auto")).chunks[1], x.rechunk(-1).chunks)
# %%
y = da.ones((20000, 20000), chunks=(100, 100))
r = y.rechunk("auto")
print(r.chunks[0][:3], len(r.chunks[0]), r.chunksize)
print(y.rechunk({0: "auto"}).chunks[0], y.rechunk({0: "auto"}).chunks[1][:3])
print(y.rechunk({0: "auto", 1: 1000}).chunks[0])
print(da.ones((50000, 300), chunks=(1000, 300)).rechunk("auto").chunks)
w = da.ones((20000, 20000), chunks=(100, 7000)).rechunk("auto")
print(w.chunks[0][:3], len(w.chunks[0]), w.chunks[1])
s = da.ones((4000, 4000), chunks=4000, dtype="f4").rechunk({0: "auto"})
print(s.chunks[0][:3], s.chunksize)
print(da.rechunk(da.arange(10, chunks=3), (4, 6)).chunks, da.arange(10, chunks=3).rechunk(5).chunks)
v = da.from_array(np.arange(12).reshape(3, 4), chunks=1)
print(v.rechunk({1: 2}).chunks, v.rechunk({1: 2}).compute().sum())
try:
    x.rechunk({0: 300, 1: (500, 400)})
except ValueError as e:
    print("ValueError", e)
# Expected:
# (100, 100, 100) 10 (10, 10, 10) 100
# (1000,) (10, 10, 10)
# ((1000,), (1000,)) ((1000,), (1000,))
# (250, 250, 250, 250) ((10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10), (500, 500))
# (1000,) ((1000,), (1000,))
# (4000, 4000, 4000) 5 (4000, 4000)
# (20000,) (100, 100, 100)
# (16700, 3300)
# ((50000,), (300,))
# (800, 800, 800) 25 (20000,)
# (4000,) (4000, 4000)
# ((4, 4, 2),) ((5, 5),)
# ((1, 1, 1), (2, 2)) 66
# ValueError Chunks do not add up to shape. Got chunks=((300, 300, 300, 100), (500, 400)), shape=(1000, 1000)
