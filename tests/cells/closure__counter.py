def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
c()
c()
print(c(), make_counter()())
def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), [adder(i)(10) for i in range(3)])
def outer():
    x = 'outer'
    def mid():
        def inner():
            return x
        return inner()
    return mid()
print(outer())
# Expected:
# 3 1
# 6 [10, 11, 12]
# outer
