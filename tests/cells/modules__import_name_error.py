# tessera-only: CPython names the extension module's file path
from math import nothing_here
# Expected:
# !! ImportError: cannot import name 'nothing_here' from 'math' (unknown location)
