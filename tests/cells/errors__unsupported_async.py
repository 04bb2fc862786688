# tessera-only
async def f():
    pass
# Expected:
# !! SyntaxError: async def is not supported by Tessera
