print('%(name)s is %(age)d' % {'name': 'Bo', 'age': 5}, '%3d|%-3d|%03d' % (1, 2, 3), '%.1f%%' % 50.0)
# Expected:
# Bo is 5   1|2  |003 50.0%
