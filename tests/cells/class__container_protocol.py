class Images:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
        self.names = [f'{year}-{month:02d}-{day:02d}_{h:02d}' for h in range(4)]
    def __getitem__(self, i):
        return self.names[i]
    def __len__(self):
        return len(self.names)
imgs = Images(2020, 1, 5)
print(len(imgs), imgs[0], imgs[-1], imgs[1:3])
for name in imgs:
    print(name)
print(list(imgs)[:2], bool(imgs))
class Bag:
    def __init__(self):
        self.items = [1, 2, 3]
    def __iter__(self):
        return iter(self.items)
    def __contains__(self, x):
        return x in self.items
print(sum(Bag()), 2 in Bag(), 7 in Bag(), sorted(Bag(), reverse=True))
# Expected:
# 4 2020-01-05_00 2020-01-05_03 ['2020-01-05_01', '2020-01-05_02']
# 2020-01-05_00
# 2020-01-05_01
# 2020-01-05_02
# 2020-01-05_03
# ['2020-01-05_00', '2020-01-05_01'] True
# 6 True False [3, 2, 1]
