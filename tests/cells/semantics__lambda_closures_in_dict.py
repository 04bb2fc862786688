ops = {'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'pow': pow}
print({k: f(5, 3) for k, f in ops.items()})
# Expected:
# {'add': 8, 'sub': 2, 'pow': 125}
