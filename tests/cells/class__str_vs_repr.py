class V:
    def __str__(self):
        return 'str-form'
    def __repr__(self):
        return 'repr-form'
v = V()
print(v, str(v), repr(v), [v], f'{v}', f'{v!r}')
v
# Expected:
# str-form str-form repr-form [repr-form] str-form repr-form
# Out: repr-form
