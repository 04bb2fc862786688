import random
random.seed(42)
xs = [random.random() for _ in range(100)]
print(all(0 <= x < 1 for x in xs), len(set(xs)) > 90)
ys = [random.randint(1, 6) for _ in range(200)]
print(min(ys) >= 1, max(ys) <= 6, len(set(ys)))
l = list(range(10))
random.shuffle(l)
print(sorted(l) == list(range(10)), random.choice('abc') in 'abc', len(random.sample(range(100), 5)))
# Expected:
# True True
# True True 6
# True True 5
