s = 'abc'
t = s
t += 'd'
print(s, t, s * 0 == '', 'b' in s, s.upper().lower() == s)
# Expected:
# abc abcd True True True
