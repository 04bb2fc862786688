def level3():
    return {}['missing']
def level2():
    return level3()
def level1():
    return level2()
level1()
# Expected:
# !! KeyError: 'missing'
