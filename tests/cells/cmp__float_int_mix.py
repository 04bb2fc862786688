print(1 < 1.5 < 2, 2.0 == 2, 0.1 + 0.2 == 0.3, float('nan') == float('nan'), 3 >= 3.0)
x = float('nan')
print(x != x, x < 1, x > 1)
# Expected:
# True True False False True
# True False False
