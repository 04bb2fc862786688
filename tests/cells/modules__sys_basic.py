import sys
print(sys.maxsize > 2 ** 31, type(sys.getrecursionlimit()).__name__)
print('to stderr', file=sys.stderr)
print('to stdout')
# Expected:
# True int
# to stdout
