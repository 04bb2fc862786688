funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([g() for g in funcs])
funcs = []
for i in range(3):
    def f(i=i):
        return i
    funcs.append(f)
print([g() for g in funcs])
# Expected:
# [2, 2, 2]
# [0, 1, 2]
