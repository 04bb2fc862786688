print(divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), abs(-0), abs(-2 ** 62))
# Expected:
# (-4, 1) (-4, -1) (-4.0, 0.5) 0 4611686018427387904
