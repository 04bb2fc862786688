rows = [('apple', 1.5, 10), ('kiwi', 0.25, 200)]
for name, price, qty in rows:
    print('{:<8}|{:>6.2f}|{:^5d}|'.format(name, price, qty))
print('{0}-{0}-{1}'.format('a', 'b'), '{x}{y}'.format(x=1, y=2), '{:*>4}'.format(7))
# Expected:
# apple   |  1.50| 10  |
# kiwi    |  0.25| 200 |
# a-a-b 12 ***7
