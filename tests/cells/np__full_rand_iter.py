import numpy as np
print(np.full((2, 3), 7).tolist(), np.full(2, 1.5).dtype, np.full((1,), True).dtype, np.full(3, 2, dtype='f4').dtype)
np.random.seed(1)
r = np.random.rand(2, 3)
print(r.shape, bool((r >= 0).all() and (r < 1).all()), np.random.rand(4).shape)
print([float(v) for v in np.array([1.5, 2.5])], [row.tolist() for row in np.arange(6).reshape(3, 2)])
total = 0
for v in np.arange(5):
    total += int(v)
print(total, len(list(np.zeros((4, 2)))))
# Expected:
# [[7, 7, 7], [7, 7, 7]] float64 bool float32
# (2, 3) True (4,)
# [1.5, 2.5] [[0, 1], [2, 3], [4, 5]]
# 10 4
