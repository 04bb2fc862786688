rows = []
for i in range(1, 4):
    rows.append(' '.join(f'{i * j:3d}' for j in range(1, 4)))
print('\n'.join(rows))
print('-' * 11)
# Expected:
#   1   2   3
#   2   4   6
#   3   6   9
# -----------
