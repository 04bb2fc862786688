s = 'héllo wörld ✓'
print(s, len(s), s.upper(), s[1], s[-1], repr(s), s.encode is not None)
print(ord('é'), chr(10003), 'ß'.upper(), 'ÀB'.lower())
# Expected:
# héllo wörld ✓ 13 HÉLLO WÖRLD ✓ é ✓ 'héllo wörld ✓' True
# 233 ✓ SS àb
