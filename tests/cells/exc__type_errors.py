try:
    len(5)
except TypeError as e:
    print(e)
try:
    'abc'()
except TypeError as e:
    print(e)
try:
    None[0]
except TypeError as e:
    print(e)
try:
    [1, 2] * 'a'
except TypeError as e:
    print(e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)
-'a'
# Expected:
# object of type 'int' has no len()
# 'str' object is not callable
# 'NoneType' object is not subscriptable
# can't multiply sequence by non-int of type 'str'
# 'int' object is not iterable
# !! TypeError: bad operand type for unary -: 'str'
