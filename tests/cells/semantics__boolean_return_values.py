def first_truthy(*xs):
    for x in xs:
        if x:
            return x
print(first_truthy(0, '', [], 'hit', 5), first_truthy(), [] or {} or 0)
# Expected:
# hit None 0
