for s in ['12', ' 7 ', '-3', '1_000', 'x1']:
    try:
        print(int(s))
    except ValueError as e:
        print(e)
for s in ['1.5', 'inf', '-1e3', 'abc']:
    try:
        print(float(s))
    except ValueError as e:
        print(e)
int('ff', 16)
# Expected:
# 12
# 7
# -3
# 1000
# invalid literal for int() with base 10: 'x1'
# 1.5
# inf
# -1000.0
# could not convert string to float: 'abc'
# Out: 255
