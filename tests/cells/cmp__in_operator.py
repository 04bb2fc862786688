print(2 in range(0, 10, 2), 3 in range(0, 10, 2), 'ab' in 'cabd', (1, 2) in [(1, 2)], 'k' in {'k': 1}, 5 in {5})
print([] in [[]], None in [0, None], 1.0 in [1])
# Expected:
# True False True True True True
# True True True
