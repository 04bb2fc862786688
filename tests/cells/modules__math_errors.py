import math
for f, x in [(math.sqrt, 4), (math.log, 1), (math.exp, 0), (math.floor, -0.5), (math.ceil, -0.5)]:
    print(f(x))
math.log(0)
# Expected:
# 2.0
# 0.0
# 1.0
# -1
# 0
# !! ValueError: math domain error
