import dask.array as da
import numpy as np
x = da.from_array(np.arange(20).reshape(4, 5), chunks=2)
y = da.from_array(np.arange(20).reshape(5, 4) * 10, chunks=(3, 2))
v = da.arange(4, chunks=2)
z = da.blockwise(lambda a: a * 2, "ij", x, "ij", dtype=x.dtype)
print(z.chunks, z.dtype, z.compute().tolist())
s = da.blockwise(lambda a, b: a + b.T, "ij", x, "ij", y, "ji")
print(s.chunks, s.dtype, s.compute().tolist())
t = da.blockwise(lambda a: a.T, "ji", x, "ij")
print(t.chunks, t.compute().tolist())
print(da.blockwise(lambda a, b: a + b[:, None], "ij", x, "ij", v, "i").compute().tolist())
m = da.blockwise(lambda a, b: a @ b, "ik", x, "ij", y, "jk", concatenate=True)
print(m.chunks, m.dtype, m.compute().tolist())
r = da.blockwise(lambda a: a.sum(axis=1), "i", x, "ij", concatenate=True)
print(r.chunks, r.compute().tolist())
def seq_sum(blocks):
    total = 0
    for b in blocks:
        total = total + b.sum(axis=1)
    return total
print(da.blockwise(seq_sum, "i", x, "ij", dtype=int).compute().tolist())
n = da.blockwise(lambda a: a[:, None] * np.ones((1, 3), dtype=int), "iz", v, "i", new_axes={"z": 3})
print(n.chunks, n.compute().tolist())
print(da.blockwise(lambda a: a[:, None] * np.ones((1, 3), dtype=int), "iz", v, "i", new_axes={"z": (3, 3)}).chunks)
d = da.blockwise(lambda a: np.concatenate([a, a]), "ij", x, "ij", adjust_chunks={"i": lambda n: 2 * n})
print(d.chunks, d.compute()[:, 0].tolist())
print(da.blockwise(lambda a, k: a * k, "ij", x, "ij", 10, None).compute()[3].tolist())
print(da.blockwise(lambda a, k=1: a * k, "ij", x, "ij", k=3).compute()[1].tolist())
print(da.blockwise(lambda a: a[:1], "ij", x, "ij", adjust_chunks={"i": 1}).compute().tolist())
print(da.blockwise(lambda a, b: a + b, "ij", x, "ij", da.ones((1, 5), chunks=2, dtype=int), "ij").compute()[0].tolist())
print(da.blockwise(lambda a, b: a * b, "ij", x, "ij", da.ones((4, 5), chunks=(1, 3), dtype=int), "ij").chunks)
print(da.blockwise(lambda a: a, ("i", "j"), x, ("i", "j")).chunks)
print(da.blockwise(np.outer, "ij", v, "i", da.arange(3, chunks=1), "j").compute().tolist())
# %%
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: da.blockwise(lambda a: a, "ii", x, "ij"))
err(lambda: da.blockwise(lambda a: a, "ik", x, "ij"))
err(lambda: da.blockwise(lambda a: a, "ijk", x, "ijk"))
err(lambda: da.blockwise(lambda a: a.no(), "ij", x, "ij"))
err(lambda: da.blockwise(lambda a: a, "ij", x, "ij", adjust_chunks={"i": (1, 2, 3)}))
# Expected:
# ((2, 2), (2, 2, 1)) int64 [[0, 2, 4, 6, 8], [10, 12, 14, 16, 18], [20, 22, 24, 26, 28], [30, 32, 34, 36, 38]]
# ((2, 2), (2, 1, 1, 1)) int64 [[0, 41, 82, 123, 164], [15, 56, 97, 138, 179], [30, 71, 112, 153, 194], [45, 86, 127, 168, 209]]
# ((2, 2, 1), (2, 2)) [[0, 5, 10, 15], [1, 6, 11, 16], [2, 7, 12, 17], [3, 8, 13, 18], [4, 9, 14, 19]]
# [[0, 1, 2, 3, 4], [6, 7, 8, 9, 10], [12, 13, 14, 15, 16], [18, 19, 20, 21, 22]]
# ((2, 2), (2, 2)) int64 [[1200, 1300, 1400, 1500], [3200, 3550, 3900, 4250], [5200, 5800, 6400, 7000], [7200, 8050, 8900, 9750]]
# ((2, 2),) [10, 35, 60, 85]
# [10, 35, 60, 85]
# ((2, 2), (3,)) [[0, 0, 0], [1, 1, 1], [2, 2, 2], [3, 3, 3]]
# ((2, 2), (3, 3))
# ((4, 4), (2, 2, 1)) [0, 5, 0, 5, 10, 15, 10, 15]
# [150, 160, 170, 180, 190]
# [15, 18, 21, 24, 27]
# [[0, 1, 2, 3, 4], [10, 11, 12, 13, 14]]
# [1, 2, 3, 4, 5]
# ((1, 1, 1, 1), (2, 1, 1, 1))
# ((2, 2), (2, 2, 1))
# [[0, 0, 0], [0, 1, 2], [0, 2, 4], [0, 3, 6]]
# ValueError ('Repeated elements not allowed in output index', ['i'])
# ValueError ('Unknown dimension', {'k'})
# ValueError Index string ijk does not match array dimension 2
# ValueError You must specify the meta or dtype of the array
# ValueError Dimension 0 has 2 blocks, adjust_chunks specified with 3 blocks
