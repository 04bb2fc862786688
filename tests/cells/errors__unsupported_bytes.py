# tessera-only
b = b'raw'
# Expected:
# !! SyntaxError: bytes literals is not supported by Tessera
