print(bool('False'), int('007'), float('  1e3 '), str(-0.0), int(-0.9), float('-inf') < 0, str(True) + str(None))
# Expected:
# True 7 1000.0 -0.0 0 True TrueNone
