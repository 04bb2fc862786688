class C:
    count = 0
    items = []
    def __init__(self):
        C.count += 1
        self.items.append(C.count)
a = C()
b = C()
print(C.count, a.count, a.items is b.items, C.items)
a.count = 99
print(a.count, b.count, C.count)
# Expected:
# 2 2 True [1, 2]
# 99 2 2
