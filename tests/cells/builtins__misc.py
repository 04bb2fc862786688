print(hash(1) == hash(1.0), hash('a') == hash('a'), id(None) == id(None))
print(repr(None), repr(True), divmod(7.5, 2), pow(2, -1), pow(3, 4, 5))
print(callable(print), callable(None), format(3.5, '08.2f'), format(42, 'x'), format('s', '>3'))
x = [1]
print(x is x, x == [1], x is [1])
print(all(isinstance(n, str) for n in dir([])))
print('append' in dir([]), 'upper' in dir(''))
# Expected:
# True True True
# None True (3.0, 1.5) 0.5 1
# True False 00003.50 2a   s
# True True False
# True
# True True
