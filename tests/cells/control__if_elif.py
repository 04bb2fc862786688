for n in [-2, 0, 3, 10]:
    if n < 0:
        print(n, 'neg')
    elif n == 0:
        print(n, 'zero')
    elif n < 5:
        print(n, 'small')
    else:
        print(n, 'big')
print('yes' if 1 else 'no', 'yes' if [] else 'no')
# Expected:
# -2 neg
# 0 zero
# 3 small
# 10 big
# yes no
