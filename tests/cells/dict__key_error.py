d = {'a': 1}
d['missing']
# Expected:
# !! KeyError: 'missing'
