words = ['apple', 'bob', 'cat', 'anna']
print({w: len(w) for w in words}, {w[0] for w in words} == {'a', 'b', 'c'})
print({k: [w for w in words if w[0] == k] for k in 'ab'})
# Expected:
# {'apple': 5, 'bob': 3, 'cat': 3, 'anna': 4} True
# {'a': ['apple', 'anna'], 'b': ['bob']}
