def twice(f):
    def wrapper(*a, **k):
        f(*a, **k)
        return f(*a, **k)
    return wrapper
@twice
def hello(name):
    print('hi', name)
    return name
print(hello('bob'))
def tag(label):
    def deco(f):
        def w(x):
            return label + ':' + str(f(x))
        return w
    return deco
@tag('sq')
def sq(x):
    return x * x
print(sq(4))
# Expected:
# hi bob
# hi bob
# bob
# sq:16
