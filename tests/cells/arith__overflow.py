# tessera-only: ints are 64-bit; overflow raises instead of growing
x = 2 ** 62
print(x)
y = x * 4
# Expected:
# 4611686018427387904
# !! OverflowError: integer overflow: Tessera ints are 64-bit
