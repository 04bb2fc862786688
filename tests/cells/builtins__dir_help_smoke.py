class A:
    def m(self):
        pass
print('m' in dir(A), 'm' in dir(A()), 'sqrt' in dir(__import__('math')) if False else True)
# Expected:
# True True True
