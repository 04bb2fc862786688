data = [1, 5, 12, 3]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 5])
print('even' if n % 2 == 0 else 'odd')
# Expected:
# long 4
# [10, 24, 6]
# even
