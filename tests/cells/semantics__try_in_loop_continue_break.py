out = []
for x in ['1', 'a', '3', 'stop', '5']:
    try:
        if x == 'stop':
            break
        out.append(int(x))
    except ValueError:
        out.append(None)
        continue
    finally:
        out.append('|')
print(out)
# Expected:
# [1, '|', None, '|', 3, '|', '|']
