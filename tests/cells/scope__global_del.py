g = 1
def kill():
    global g
    del g
kill()
g
# Expected:
# !! NameError: name 'g' is not defined
