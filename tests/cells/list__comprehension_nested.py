m = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in m for i in range(len(row)) if i != 1], [[r[i] for r in m] for i in range(3)])
flat = [x for row in m for x in row]
print(flat, sum(flat), [x for x in flat if x % 2 if x > 1])
# Expected:
# [1, 3, 4, 6] [[1, 4], [2, 5], [3, 6]]
# [1, 2, 3, 4, 5, 6] 21 [3, 5]
