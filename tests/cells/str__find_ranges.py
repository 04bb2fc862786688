s = 'abcabc'
print(s.find('b', 2), s.find('b', 2, 4), s.rfind('a', 0, 3), s.index('c', 3), s.count('a', 1), s.startswith('bc', 1), s.endswith('ab', 0, 5))
# Expected:
# 4 -1 0 5 1 True True
