print(list(reversed(range(4))), sorted('hello', reverse=True), ''.join(sorted('dcba')), list(reversed((1, 2))))
# Expected:
# [3, 2, 1, 0] ['o', 'l', 'l', 'h', 'e'] abcd [2, 1]
