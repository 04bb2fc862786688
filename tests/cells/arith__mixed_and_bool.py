print(True + True, True * 3, 3 + 2.5, 10 - True, True / 2)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2)
print(True & False, True | False, True ^ True)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
# Expected:
# 2 3 5.5 9 0.5
# 1 7 6 -6 1024 128 -4
# False True False
# 1
