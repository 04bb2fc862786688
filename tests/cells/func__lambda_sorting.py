people = [{'n': 'a', 'age': 30}, {'n': 'b', 'age': 25}]
print(sorted(people, key=lambda p: p['age'])[0]['n'], list(map(lambda p: p['n'].upper(), people)))
sq = lambda x: x * x
print(sq(5), (lambda: 'no args')(), sq.__name__)
# Expected:
# b ['A', 'B']
# 25 no args <lambda>
