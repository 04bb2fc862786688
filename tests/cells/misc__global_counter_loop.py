count = 0
def tick():
    global count
    count += 1
for _ in range(1000):
    tick()
print(count)
# Expected:
# 1000
