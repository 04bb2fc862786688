out = []
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        out.append((i, j))
print(out)
# Expected:
# [(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)]
