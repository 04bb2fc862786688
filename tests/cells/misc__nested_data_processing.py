records = [{'name': 'a', 'tags': ['x', 'y'], 'score': 3}, {'name': 'b', 'tags': ['y'], 'score': 5}, {'name': 'c', 'tags': [], 'score': 1}]
by_tag = {}
for r in records:
    for t in r['tags']:
        by_tag.setdefault(t, []).append(r['name'])
print(by_tag, sum(r['score'] for r in records) / len(records), [r['name'] for r in records if not r['tags']])
# Expected:
# {'x': ['a'], 'y': ['a', 'b']} 3.0 ['c']
