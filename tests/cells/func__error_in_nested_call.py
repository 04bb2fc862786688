def a(x):
    return b(x) + 1
def b(x):
    return x['key']
print(a({'key': 1}))
a({})
# Expected:
# 2
# !! KeyError: 'key'
