# tessera-only: huge repeats raise MemoryError instead of exhausting memory
x = [0] * (10 ** 9)
# Expected:
# !! MemoryError
