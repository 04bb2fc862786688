import os
path = os.path.join('/tmp', 'tessera_lang_fixture.txt')
with open(path, 'w') as f:
    n = f.write('alpha\nbeta\n')
    f.write('gamma')
print(n, f.closed)
with open(path) as f:
    print(f.readline(), end='')
    print(f.read())
with open(path) as f:
    print([line.strip() for line in f])
with open(path, 'a') as f:
    f.write('\ndelta')
print(open(path).readlines())
try:
    open('/tmp/definitely/missing.txt')
except FileNotFoundError as e:
    print('FileNotFoundError', e.args[0] if False else 'ok')
# Expected:
# 11 True
# alpha
# beta
# gamma
# ['alpha', 'beta', 'gamma']
# ['alpha\n', 'beta\n', 'gamma\n', 'delta']
# FileNotFoundError ok
