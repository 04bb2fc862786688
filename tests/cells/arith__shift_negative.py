print(1 << 3)
1 << -1
# Expected:
# 8
# !! ValueError: negative shift count
