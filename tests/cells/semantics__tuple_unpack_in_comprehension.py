pairs = {'a': 1, 'b': 2}
print([f'{k}={v}' for k, v in pairs.items()], {v: k for k, v in pairs.items()}, [a * b for a, b in zip([1, 2], [3, 4])])
# Expected:
# ['a=1', 'b=2'] {1: 'a', 2: 'b'} [3, 8]
