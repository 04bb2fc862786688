text = 'the quick brown fox jumps over the lazy dog the end'
freq = {}
for w in text.split():
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
for w, n in top:
    print(f'{w:>6}: {"#" * n}')
# Expected:
#    the: ###
#  brown: #
#    dog: #
