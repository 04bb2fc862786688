def f():
    try:
        print('try')
        raise ValueError('x')
    except ValueError:
        print('except')
        return 'ret'
    finally:
        print('finally')
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('fin', i)
# Expected:
# try
# except
# finally
# ret
# body 0
# fin 0
# fin 1
# body 2
# fin 2
