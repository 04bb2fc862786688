import math
math.sqroot(4)
# Expected:
# !! AttributeError: module 'math' has no attribute 'sqroot'. Did you mean: 'sqrt'?
