print(int('42'), int(3.9), int(-3.9), int(True), float(3), float('2.5'), str(12), bool(0), bool('x'))
print(int('0x1f', 16), int('101', 2), hex(255), oct(8), bin(5), chr(65), ord('a'), bin(-3))
print(list(range(2, 10, 3)), list(range(5, 0, -2)), range(5), range(0, 10, 2), len(range(0, 10, 3)))
print(tuple('ab'), set('aa'), sorted({3: 1, 1: 2}), abs(-2.5), round(3.14159, 2))
print(type(1), type('a'), type([]), type(None).__name__, type(1.0) is float, isinstance(True, int))
print(isinstance(3, (str, int)), isinstance('s', str), isinstance([], list))
# Expected:
# 42 3 -3 1 3.0 2.5 12 False True
# 31 5 0xff 0o10 0b101 A 97 -0b11
# [2, 5, 8] [5, 3, 1] range(0, 5) range(0, 10, 2) 4
# ('a', 'b') {'a'} [1, 3] 2.5 3.14
# <class 'int'> <class 'str'> <class 'list'> NoneType True True
# True True True
