print(''.join(str(i) for i in range(5)), max((len(w), w) for w in 'aa b cccc'.split()), dict((i, i * i) for i in range(3)))
# Expected:
# 01234 (4, 'cccc') {0: 0, 1: 1, 2: 4}
