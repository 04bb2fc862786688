rows = [('x', 3), ('y', 1), ('z', 3), ('w', 1)]
rows.sort(key=lambda r: r[1])
print(rows)
rows.sort(key=lambda r: r[1], reverse=True)
print(rows)
print(sorted(['B', 'a', 'C'], key=str.lower), sorted([3, -1, 2], key=abs))
# Expected:
# [('y', 1), ('w', 1), ('x', 3), ('z', 3)]
# [('x', 3), ('z', 3), ('y', 1), ('w', 1)]
# ['a', 'B', 'C'] [-1, 2, 3]
