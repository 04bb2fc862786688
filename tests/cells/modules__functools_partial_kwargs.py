from functools import partial
def greet(greeting, name, punct='!'):
    return f'{greeting}, {name}{punct}'
hi = partial(greet, 'Hi')
print(hi('Ann'), hi('Bo', punct='?'), partial(greet, punct='.')('Yo', 'Cy'))
# Expected:
# Hi, Ann! Hi, Bo? Yo, Cy.
