import numpy as np
x = np.arange(12.0)
print(x.sum(), x.mean(), x.min(), x.max())
print(round(x.std(), 10), round(x.var(), 10))
print(x.argmax(), x.argmin())
print(np.sum(x), np.mean(x))
i = np.arange(10)
print(i.sum(), i.prod())
# Expected:
# 66.0 5.5 0.0 11.0
# 3.4520525295 11.9166666667
# 11 0
# 66.0 5.5
# 45 0
