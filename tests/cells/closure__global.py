counter = 0
def bump():
    global counter
    counter += 1
bump()
bump()
print(counter)
def read_only():
    return counter * 10
print(read_only())
# Expected:
# 2
# 20
