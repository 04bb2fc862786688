r = range(10, 0, -3)
print(list(r), len(r), r[0], r[-1], 4 in r, 7 in r, list(range(0)), list(range(-3)), range(3)[1:], range(5)[::2])
# Expected:
# [10, 7, 4, 1] 4 10 1 True True [] [] range(1, 3) range(0, 5, 2)
