import numpy as np
x = np.arange(10)
print(repr(x[2:8:2]))
print(repr(x[::-1]))
print(repr(x[-3:]))
print(x[4])
y = np.ones((3, 4))
print(y[1:, ::2].shape)
print(repr(y[0]))
# Expected:
# array([2, 4, 6])
# array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
# array([7, 8, 9])
# 4
# (2, 2)
# array([1., 1., 1., 1.])
