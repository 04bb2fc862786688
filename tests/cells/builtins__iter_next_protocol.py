class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), [x * 10 for x in Count(2)])
c = Count(2)
print(next(c), next(c), next(c, 'end'))
# Expected:
# [1, 2, 3] 10 [10, 20]
# 1 2 end
