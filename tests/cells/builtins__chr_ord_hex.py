print([chr(ord('a') + i) for i in range(5)], hex(-255), oct(-8), bin(0), int('-0b101', 0), int('0o17', 0), int('  12  '))
# Expected:
# ['a', 'b', 'c', 'd', 'e'] -0xff -0o10 0b0 -5 15 12
