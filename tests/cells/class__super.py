class Base:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return 'I am ' + self.name
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def describe(self):
        return super().describe() + f' aged {self.age}'
c = Child('kid', 3)
print(c.describe(), c.name)
class AppError(Exception):
    def __init__(self, code):
        super().__init__(f'failed with code {code}')
        self.code = code
try:
    raise AppError(7)
except AppError as e:
    print(e, e.code, e.args)
raise AppError(9)
# Expected:
# I am kid aged 3 kid
# failed with code 7 7 ('failed with code 7',)
# !! AppError: failed with code 9
