import math
print(math.degrees(math.pi), math.radians(180), math.atan2(1, 1), math.tau, math.copysign(3, -0.0), math.expm1(0), math.log1p(0))
# Expected:
# 180.0 3.141592653589793 0.7853981633974483 6.283185307179586 -3.0 0.0 0.0
