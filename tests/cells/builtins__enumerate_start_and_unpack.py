for i, (a, b) in enumerate([(1, 2), (3, 4)], 1):
    print(i, a + b)
print(list(enumerate([], 5)), next(enumerate('xy', 10)))
# Expected:
# 1 3
# 2 7
# [] (10, 'x')
