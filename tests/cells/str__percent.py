print('%s is %d years' % ('Ann', 30), '%.2f' % 3.14159, '%5s|' % 'ab', '%-5s|' % 'ab')
print('%r' % 'x', '%x' % 255, '%05d' % 42, '%%')
# Expected:
# Ann is 30 years 3.14    ab| ab   |
# 'x' ff 00042 %%
