n = 10
while n > 0:
    n -= 3
    if n == 4:
        print('break at', n)
        break
else:
    print('no break')
print(n)
# Expected:
# break at 4
# 4
