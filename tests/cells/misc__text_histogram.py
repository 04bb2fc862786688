text = 'a quick brown fox jumps over the lazy dog'
counts = {}
for ch in text.replace(' ', ''):
    counts[ch] = counts.get(ch, 0) + 1
for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]:
    print(f'{ch}: {"*" * n} ({n})')
# Expected:
# o: **** (4)
# a: ** (2)
# e: ** (2)
# r: ** (2)
# u: ** (2)
