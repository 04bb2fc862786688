# tessera-only
big = 123456789012345678901234567890
# Expected:
# !! SyntaxError: integers beyond 64 bits is not supported by Tessera
