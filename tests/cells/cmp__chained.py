x = 5
print(1 < x < 10, 1 < x > 10, x == 5.0, x != 5, 1 <= 1 < 2 <= 2)
print([1, 2] < [1, 3], (1, 2) == (1, 2), 'abc' < 'abd', [1, 2] == [1, 2.0])
print(None is None, x is not None, 3 in [1, 2, 3], 'b' in 'abc', 4 not in {1: 2})
print(1 == True, 0 == False, 1.0 == 1, {1, 2} == {2, 1}, {'a': 1} == {'a': 1})
# Expected:
# True False True False True
# True True True True
# True True True True True
# True True True True True
