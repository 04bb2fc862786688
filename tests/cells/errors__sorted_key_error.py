sorted([{'a': 1}, {}], key=lambda d: d['a'])
# Expected:
# !! KeyError: 'a'
