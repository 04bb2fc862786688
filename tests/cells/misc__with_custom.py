class Ctx:
    def __enter__(self):
        print('enter')
        return 'resource'
    def __exit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None)
        return False
with Ctx() as r:
    print('using', r)
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print('swallowed', ev)
        return True
with Swallow():
    raise ValueError('oops')
print('continued')
# Expected:
# enter
# using resource
# exit None
# swallowed oops
# continued
