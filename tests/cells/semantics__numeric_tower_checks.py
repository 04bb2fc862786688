print(isinstance(1, float), isinstance(1.0, (int, float)), 7 // 2 * 2 + 7 % 2 == 7, -7 // 2 * 2 + -7 % 2 == -7, 1e3 == 1000, int(1e3))
# Expected:
# False True True True True 1000
