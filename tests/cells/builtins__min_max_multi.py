print(min(1, 2, 3), max('a', 'b'), min([3, 1], [2, 9]), max(1, 2.5), min((2, 'b'), (2, 'a')), max([5], default=0))
# Expected:
# 1 b [2, 9] 2.5 (2, 'a') 5
