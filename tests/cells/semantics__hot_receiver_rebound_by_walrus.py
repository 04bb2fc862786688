def get_old():
    d = {1: 'old'}
    return d.get((d := {1: 'new'}) and 1)


def set_old():
    d = {'a': 1}
    old = d
    d[(d := {}) or 0] = 5
    print(old, d)


def append_old():
    out = [0]
    first = out
    out.append((out := []) or 1)
    print(first, out)


def unbound_receiver():
    try:
        d.get(missing_name)
    except Exception as e:
        print(type(e).__name__ + ':', e)
    d = {}
    return d


print(get_old())
set_old()
append_old()
print(unbound_receiver())
# Expected:
# old
# {'a': 1, 0: 5} {}
# [0, 1] []
# UnboundLocalError: cannot access local variable 'd' where it is not associated with a value
# {}
