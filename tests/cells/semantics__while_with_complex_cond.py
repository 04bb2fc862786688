i, j = 0, 10
while i < j and not (i == 3 and j == 7):
    i += 1
    j -= 1
print(i, j)
# Expected:
# 3 7
