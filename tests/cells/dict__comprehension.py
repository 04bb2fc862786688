d = {k: k * k for k in range(5) if k % 2 == 0}
print(d)
inv = {v: k for k, v in d.items()}
print(inv, {**d, 'z': 1}, d | {'q': 0})
# Expected:
# {0: 0, 2: 4, 4: 16}
# {0: 0, 4: 2, 16: 4} {0: 0, 2: 4, 4: 16, 'z': 1} {0: 0, 2: 4, 4: 16, 'q': 0}
