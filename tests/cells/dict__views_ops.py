d = {'a': 1, 'b': 2}
k = d.keys()
print(len(k), 'a' in k, sorted(k), list(d.items())[0], list(reversed(list(d.values()))))
for k, v in sorted(d.items()):
    print(k, '->', v)
# Expected:
# 2 True ['a', 'b'] ('a', 1) [2, 1]
# a -> 1
# b -> 2
