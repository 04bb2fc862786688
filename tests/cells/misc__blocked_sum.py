data = list(range(1000))
sums = []
lengths = []
for i in range(0, len(data), 100):
    chunk = data[i: i + 100]
    sums.append(sum(chunk))
    lengths.append(len(chunk))
total = sum(sums)
length = sum(lengths)
print(total, length, total / length)
# Expected:
# 499500 1000 499.5
