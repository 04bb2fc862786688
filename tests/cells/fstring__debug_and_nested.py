x = 10
y = [1, 2]
print(f'{x=}', f'{x = }', f'{y[0]=}', f'{x*2=}', f'{x=:5}', f'{"nested"}', f"{'a' + 'b'}")
d = {'k': 'v'}
print(f"{d['k']}", f'{len(y)}', f'{x!s:>4}', f'{str(x)!r}')
# Expected:
# x=10 x = 10 y[0]=1 x*2=20 x=   10 nested ab
# v 2   10 '10'
