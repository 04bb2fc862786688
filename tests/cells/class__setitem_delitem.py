class Store:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        self.d[k] = v * 2
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        del self.d[k]
s = Store()
s['a'] = 5
print(s['a'], s.d)
del s['a']
print(s.d)
s['missing']
# Expected:
# 10 {'a': 10}
# {}
# !! KeyError: 'missing'
