def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('caught', type(e).__name__, str(e).startswith('maximum recursion depth exceeded'))
# Expected:
# caught RecursionError True
