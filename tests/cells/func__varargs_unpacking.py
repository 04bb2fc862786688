def total(*nums, scale=1):
    return sum(nums) * scale
print(total(), total(1, 2, 3), total(*[1, 2], scale=10), total(*range(5)))
def show(**kw):
    return sorted(kw.items())
print(show(b=1, a=2), show(**{'x': 0}))
# Expected:
# 0 6 30 10
# [('a', 2), ('b', 1)] [('x', 0)]
