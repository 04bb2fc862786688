import os
from os import cpu_count
print(os.path.join('data', 'weather', 'x.hdf5'), os.path.join('/abs', 'b'), os.path.join('a/', 'b'))
print(cpu_count() >= 1, os.cpu_count() == cpu_count(), isinstance(os.getcwd(), str))
print(os.path.basename('/a/b/c.txt'), os.path.dirname('/a/b/c.txt'), os.path.splitext('f.tar.gz'))
# Expected:
# data/weather/x.hdf5 /abs/b a/b
# True True True
# c.txt /a/b ('f.tar', '.gz')
