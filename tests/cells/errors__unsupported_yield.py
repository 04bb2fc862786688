# tessera-only
def gen():
    yield 1
# Expected:
# !! SyntaxError: generator functions (yield) is not supported by Tessera
