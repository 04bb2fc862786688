def flatten(x):
    if isinstance(x, list):
        out = []
        for y in x:
            out.extend(flatten(y))
        return out
    return [x]
print(flatten([1, [2, [3, [4, []]], 5]]))
def depth(x):
    return 1 + max((depth(y) for y in x), default=0) if isinstance(x, list) else 0
print(depth([1, [2, [3]]]))
# Expected:
# [1, 2, 3, 4, 5]
# 3
