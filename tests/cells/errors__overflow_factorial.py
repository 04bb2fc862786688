# tessera-only: 64-bit ints
import math
print(math.factorial(20))
math.factorial(21)
# Expected:
# 2432902008176640000
# !! OverflowError: integer overflow: Tessera ints are 64-bit
