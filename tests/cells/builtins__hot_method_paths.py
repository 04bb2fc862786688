# The interpreter's fast paths (list.append, dict.get, set.add, sum over a
# list or tuple of numbers) must behave exactly like the generic ones.
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

out = []
for i in range(5):
    out.append(i * 0.5)
print(out, sum(out), sum(out, 10), sum(tuple(out)))
d = {}
for i in range(10):
    k = i % 3
    d[k] = d.get(k, 0) + i
print(d, d.get(7), d.get(1, 'x'), d.get(True), d.get(2.0))
s = set()
for w in ['a', 'b', 'a']:
    s.add(w)
print(sorted(s))
print(sum([1, True, 2.5]), sum([True, False, True]), sum([1, 2], 0.5), sum([]))
print(sum([1.5, 2, 'x'][:2]), sum([[1], [2]], []), sum([1, 2, 3.5, 4]))
attempt(lambda: sum([1, 'a']))
attempt(lambda: sum(['a', 'b'], 'c'))
attempt(lambda: [].append())
attempt(lambda: [].append(1, 2))
attempt(lambda: [].append(x=1))
attempt(lambda: {}.get())
attempt(lambda: {}.get([1]))
attempt(lambda: {}.get(1, 2, 3))
attempt(lambda: set().add([]))
attempt(lambda: set().add())
big = [0.1] * 10
print(sum(big), sum(big) == 0.1 * 10)
# Expected:
# [0.0, 0.5, 1.0, 1.5, 2.0] 5.0 15.0 5.0
# {0: 18, 1: 12, 2: 15} None 12 12 15
# ['a', 'b']
# 4.5 2 3.5 0
# 3.5 [1, 2] 10.5
# TypeError: unsupported operand type(s) for +: 'int' and 'str'
# TypeError: sum() can't sum strings [use ''.join(seq) instead]
# TypeError: list.append() takes exactly one argument (0 given)
# TypeError: list.append() takes exactly one argument (2 given)
# TypeError: list.append() takes no keyword arguments
# TypeError: get expected at least 1 argument, got 0
# TypeError: unhashable type: 'list'
# TypeError: get expected at most 2 arguments, got 3
# TypeError: unhashable type: 'list'
# TypeError: set.add() takes exactly one argument (0 given)
# 0.9999999999999999 False
