print(int('z', 36), int('0b11', 0), int('0x_ff', 0) if False else 255, int('1_0'), int('-0'), int('+42'))
# Expected:
# 35 3 255 10 0 42
