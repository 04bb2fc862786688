class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, name):
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._t, p.count(1))
# Expected:
# [1, 2, 3] 1
