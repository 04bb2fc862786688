print(list(zip([1, 2], 'ab', strict=True)))
list(zip([1, 2], 'abc', strict=True))
# Expected:
# [(1, 'a'), (2, 'b')]
# !! ValueError: zip() argument 2 is longer than argument 1
