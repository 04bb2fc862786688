import math
print(math.sqrt(16), math.pi, math.e, math.floor(2.7), math.ceil(2.1), math.floor(-2.5))
print(math.isnan(float('nan')), math.isinf(math.inf), math.log(math.e), math.log(8, 2), math.log10(1000))
print(math.factorial(10), math.gcd(12, 18), math.hypot(3, 4), math.isclose(0.1 + 0.2, 0.3))
print(round(math.sin(math.pi / 2), 6), math.fabs(-3), math.trunc(-3.7), math.comb(5, 2), math.prod([1, 2, 3, 4]))
from math import sqrt as s, pi
print(s(2), pi)
math.sqrt(-1)
# Expected:
# 4.0 3.141592653589793 2.718281828459045 2 3 -3
# True True 1.0 3.0 3.0
# 3628800 6 5.0 True
# 1.0 3.0 -3 10 24
# 1.4142135623730951 3.141592653589793
# !! ValueError: math domain error
