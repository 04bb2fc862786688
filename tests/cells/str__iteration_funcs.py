s = 'Mississippi'
print(s.count('ss'), s.lower().count('i'), sorted(set(s)), s.split('ss'), s.replace('ss', 'SS', 1))
print(list(reversed('abc')), ''.join(reversed('abc')), 'abc'[::-1], max('hello'), len('héllo'))
# Expected:
# 2 4 ['M', 'i', 'p', 's'] ['Mi', 'i', 'ippi'] MiSSissippi
# ['c', 'b', 'a'] cba cba o 5
