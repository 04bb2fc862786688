scores = {'ann': 90, 'bob': 72, 'cy': 90}
print(max(scores, key=scores.get), min(scores.values()), sorted(scores, key=lambda k: (-scores[k], k)), max(scores.items(), key=lambda kv: kv[1]))
# Expected:
# ann 72 ['ann', 'cy', 'bob'] ('ann', 90)
