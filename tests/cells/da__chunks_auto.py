import dask.array as da
print(da.ones((500, 500, 500), chunks='auto').chunksize)
print(da.ones((5000, 5000), chunks='auto').chunksize)
print(da.ones((100, 100), chunks=30).chunks)
print(da.ones((100, 100), chunks=(50, -1)).chunks)
print(da.ones((10, 7), chunks=((4, 6), (3, 4))).chunks)
# Expected:
# (255, 255, 255)
# (4096, 4096)
# ((30, 30, 30, 10), (30, 30, 30, 10))
# ((50, 50), (100,))
# ((4, 6), (3, 4))
