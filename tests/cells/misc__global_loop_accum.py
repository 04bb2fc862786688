squares = []
for i in range(10):
    squares.append(i * i)
counts = {}
for w in 'the cat the dog the end'.split():
    counts[w] = counts.get(w, 0) + 1
print(squares, counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
# Expected:
# [0, 1, 4, 9, 16, 25, 36, 49, 64, 81] {'the': 3, 'cat': 1, 'dog': 1, 'end': 1}
# [('the', 3), ('cat', 1), ('dog', 1), ('end', 1)]
