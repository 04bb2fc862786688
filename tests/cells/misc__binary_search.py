def bsearch(a, t):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == t:
            return mid
        if a[mid] < t:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
a = list(range(0, 100, 3))
print(bsearch(a, 27), bsearch(a, 28), bsearch(a, 0), bsearch(a, 99))
# Expected:
# 9 -1 0 33
