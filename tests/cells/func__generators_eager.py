def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return 'done'
def squares(xs):
    for x in xs:
        yield x * x
def chained():
    yield from countdown(2)
    yield from 'ab'
    yield
print(list(countdown(3)), sum(squares(range(4))), list(chained()))
g = squares([5, 6])
print(next(g), next(g), next(g, 'exhausted'))
for v in countdown(2):
    print('v', v)
print(sorted(squares([3, -1, 2])), dict(zip('xy', countdown(2))))
# Expected:
# [3, 2, 1] 14 [2, 1, 'a', 'b', None]
# 25 36 exhausted
# v 2
# v 1
# [1, 4, 9] {'x': 2, 'y': 1}
