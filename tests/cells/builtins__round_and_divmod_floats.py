print(round(2.5), round(0.125, 2), round(-0.5), divmod(10.5, 3), round(7.0), type(round(7.5)).__name__, round(1e15 + 0.5))
# Expected:
# 2 0.12 0 (3.0, 1.5) 7 int 1000000000000000
