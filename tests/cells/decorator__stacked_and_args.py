def log(f):
    def w(*a):
        print('call', f.__name__, a)
        return f(*a)
    return w
def double(f):
    return lambda *a: f(*a) * 2
@log
@double
def add(x, y):
    return x + y
print(add(1, 2))
# Expected:
# call <lambda> (1, 2)
# 6
