A = [[1, 2], [3, 4]]
B = [[5, 6], [7, 8]]
C = [[sum(A[i][k] * B[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
print(C, list(zip(*A)), [list(r) for r in zip(*B)])
# Expected:
# [[19, 22], [43, 50]] [(1, 3), (2, 4)] [[5, 7], [6, 8]]
