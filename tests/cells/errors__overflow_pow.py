# tessera-only: 64-bit ints
print(2 ** 62)
print(2 ** 64)
# Expected:
# 4611686018427387904
# !! OverflowError: integer overflow: Tessera ints are 64-bit
