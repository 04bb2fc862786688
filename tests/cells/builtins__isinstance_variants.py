print(isinstance(1, int), isinstance(1.0, int), isinstance(True, bool), isinstance(None, type(None)), isinstance([], (dict, list)))
print(isinstance(int, type), isinstance('x', object), issubclass(bool, int), type(True).__name__)
# Expected:
# True False True True True
# True True True bool
