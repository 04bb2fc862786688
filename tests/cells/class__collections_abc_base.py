import collections.abc
class Images(collections.abc.Iterable):
    """Provides access to images for a given day."""
    def __init__(self, year, month, day):
        self.files = [f'{year}{month:02}{day:02}_{i}.tif' for i in range(3)]
    def __getitem__(self, i):
        i = min(len(self.files) - 1, i)
        return self.files[i]
    def __iter__(self):
        for i in range(len(self.files)):
            pass
        return iter(self.files)
images = Images(2020, 11, 1)
print(images[0], images[10], list(images), isinstance(images, collections.abc.Iterable))
from collections import OrderedDict, defaultdict, Counter
d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(dict(d), d['zz'], len(d))
c = Counter('abracadabra')
print(c['a'], c['z'], c.most_common(2))
print(OrderedDict([('x', 1)]) == {'x': 1})
# Expected:
# 20201101_0.tif 20201101_2.tif ['20201101_0.tif', '20201101_1.tif', '20201101_2.tif'] True
# {'a': [1, 2], 'b': [3]} [] 3
# 5 0 [('a', 5), ('b', 2)]
# True
