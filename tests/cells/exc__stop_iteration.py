it = iter([1])
print(next(it), next(it, 'done'))
next(it)
# Expected:
# 1 done
# !! StopIteration
