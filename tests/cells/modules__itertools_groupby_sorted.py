from itertools import groupby
words = sorted(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], key=lambda w: w[0])
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
# Expected:
# a ['apple', 'avocado']
# b ['banana', 'blueberry']
# c ['cherry']
