registry = {}
def register(name):
    def deco(f):
        registry[name] = f
        return f
    return deco
@register('sq')
def square(x):
    return x * x
@register('neg')
def neg(x):
    return -x
print(sorted(registry), registry['sq'](4), registry['neg'](4))
# Expected:
# ['neg', 'sq'] 16 -4
