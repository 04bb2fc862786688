import math as m, time
from math import floor, ceil
from os.path import join
import os.path
print(m.floor(1.5), floor(2.5), ceil(2.5), join('a', 'b'), os.path.join('c', 'd'), type(time).__name__)
# Expected:
# 1 2 3 a/b c/d module
