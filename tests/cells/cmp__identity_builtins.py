def f():
    pass
g = f
print(f == g, f is g, print == print, len == len, type(1) == int, type('') is str, type(1) == str)
import math
print(math == math, range(3) == range(3), slice(1, 2) == slice(1, 2), [f] == [g])
print(__name__)
if __name__ == '__main__':
    print('main guard')
# Expected:
# True True True True True True False
# True True True True
# __main__
# main guard
