total = 0
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    total += i
print(total, i)
for x in range(3):
    pass
else:
    print('for-else ran', x)
for x in range(3):
    if x == 1:
        break
else:
    print('not printed')
n = 0
while n < 3:
    n += 1
else:
    print('while-else', n)
for i, ch in enumerate('ab', start=1):
    print(i, ch)
for a, b in zip([1, 2, 3], 'xy'):
    print(a, b)
# Expected:
# 20 10
# for-else ran 2
# while-else 3
# 1 a
# 2 b
# 1 x
# 2 y
