# tessera-only
z = 1 + 2j
# Expected:
# !! SyntaxError: complex numbers is not supported by Tessera
