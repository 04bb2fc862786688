print(-0.0, abs(-0.0), 0.0 == -0.0, -0, abs(-7), abs(3.5), -(-3))
# Expected:
# -0.0 0.0 True 0 7 3.5 3
