def f():
    pass
class C:
    pass
print(repr(f).startswith('<function f at 0x'), repr(C), repr(C()).startswith('<__main__.C object at 0x'))
print(print, len, int, str, type(len).__name__, ValueError, repr(ValueError('x')))
print([1, 2].append.__name__, type(f).__name__, type(C).__name__)
# Expected:
# True <class '__main__.C'> True
# <built-in function print> <built-in function len> <class 'int'> <class 'str'> builtin_function_or_method <class 'ValueError'> ValueError('x')
# append function type
