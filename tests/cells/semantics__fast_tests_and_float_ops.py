nan = float('nan')
print(1 if nan == nan else 0, 1 if nan != nan else 0, 1 if nan < 1.0 else 0)
print(1 if 2 < 2.5 else 0, 1 if True == 1 else 0, 1 if 3 == 3.0 else 0)
print(1 if 2**53 + 1 > 2.0**53 else 0)
big = 2**53 + 1
print(big == 2.0**53, big != 2.0**53, big > 2.0**53, 2.0**53 < big, -big < -2.0**53)
print(max(big, 2.0**53), min(2.0**53, big), sorted([2.0**53, big, 2**53]))
print(9223372036854775807 < 2.0**63, -9223372036854775807 - 1 == -2.0**63, 5 < float('inf'), 5 > float('-inf'), 0.5 < 1, True < 1.5)
x = 0.1
while x < 1.0:
    x += 0.25
print(x)
n = 0
while n < 5:
    n += 2
print(n)
if 0.5 >= 0.5:
    print('ge')
print(3 * 0.1, 0.1 * 3, 1 - 0.9, 2.5 + 1, 7 / 2)
print(10**18 * 1.5, -0.0 * 1, 1e308 * 10)
total = 0
for i in range(10):
    total += i * 0.5
print(total)


def one_liner(a, b):
    return a / b if b != 0 else a // b


try:
    one_liner(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(one_liner(7, 2))
# Expected:
# 0 1 0
# 1 1 1
# 1
# False True True True True
# 9007199254740993 9007199254740992.0 [9007199254740992.0, 9007199254740992, 9007199254740993]
# True True True True True True
# 1.1
# 6
# ge
# 0.30000000000000004 0.30000000000000004 0.09999999999999998 3.5 3.5
# 1.5e+18 -0.0 inf
# 22.5
# ZeroDivisionError: integer division or modulo by zero
# 3.5
