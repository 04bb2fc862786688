import time
t0 = time.perf_counter()
time.sleep(0.01)
t1 = time.perf_counter()
print(t1 - t0 >= 0.01, type(time.time()).__name__, time.time() > 1.6e9)
# Expected:
# True float True
