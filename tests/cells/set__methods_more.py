s = {1, 2, 3}
s.update([3, 4], {5})
print(s, s.pop(), s)
t = s.copy()
t.clear()
print(t, s.isdisjoint({10}), {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} > {1})
print(s.symmetric_difference({1, 100}), len(set('hello')), frozenset([1, 1]) == {1})
# Expected:
# {2, 3, 4, 5} 1 {2, 3, 4, 5}
# set() True True False True
# {1, 2, 3, 100, 4, 5} 4 True
