data = [float(i % 17) for i in range(1000)]
chunk = 128
sums, counts = [], []
for i in range(0, len(data), chunk):
    block = data[i:i + chunk]
    sums.append(sum(block))
    counts.append(len(block))
print(len(sums), sum(sums) / sum(counts), min(counts), max(counts))
# Expected:
# 8 7.979 104 128
