print(format(1234.5, ','), format(0.000123, '.2e'), format(42, '>6'), format('x', '^5'), format(255, '#06x'), format(3.0, 'g'), format(-1.5, '+.1f'))
# Expected:
# 1,234.5 1.23e-04     42   x   0x00ff 3 -1.5
