s = {1, 2, 3}
t = {3, 4}
print(s | t, s & t, s - t, s ^ t, 2 in s, len(s))
s.add(9)
s.discard(1)
print(sorted(s), set(), set([1, 1, 2]), {x % 3 for x in range(10)})
print(s.issubset({2, 3, 9, 10}), s.union([7]), s.intersection({2, 9}), sorted(s.difference({2})))
# Expected:
# {1, 2, 3, 4} {3} {1, 2} {1, 2, 4} True 3
# [2, 3, 9] set() {1, 2} {0, 1, 2}
# True {9, 2, 3, 7} {9, 2} [3, 9]
