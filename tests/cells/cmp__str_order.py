print('apple' < 'banana', 'Z' < 'a', 'abc' <= 'abc', 'a' * 3 == 'aaa', sorted(['b', 'A', 'a', 'B']))
# Expected:
# True True True True ['A', 'B', 'a', 'b']
