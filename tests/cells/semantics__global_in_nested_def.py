total = 0
def outer():
    def inner():
        global total
        total += 5
    inner()
    inner()
outer()
print(total)
# Expected:
# 10
