chr(-1)
# Expected:
# !! ValueError: chr() arg not in range(0x110000)
