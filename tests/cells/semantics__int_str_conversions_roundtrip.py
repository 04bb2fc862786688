for v in [0, -5, 123456789, 2 ** 40]:
    s = str(v)
    print(s, int(s) == v, repr(float(v)), hex(v) if v >= 0 else '-')
# Expected:
# 0 True 0.0 0x0
# -5 True -5.0 -
# 123456789 True 123456789.0 0x75bcd15
# 1099511627776 True 1099511627776.0 0x10000000000
