print(sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101)), sum([]), sum((x for x in [1, 2]), 100))
# Expected:
# 4.0 [1, 2] 5050 0 103
