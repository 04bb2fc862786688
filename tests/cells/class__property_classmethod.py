class Temp:
    scale = 'C'
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError('too cold')
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
    @staticmethod
    def describe(x):
        return f'temp {x}'
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 20
print(t.celsius, t.fahrenheit, Temp.freezing().celsius, Temp.describe(1), t.describe(2))
try:
    t.fahrenheit = 3
except AttributeError as e:
    print('AttributeError', e)
t.celsius = -300
# Expected:
# 100 212.0
# 20 68.0 0 temp 1 temp 2
# AttributeError property 'fahrenheit' of 'Temp' object has no setter
# !! ValueError: too cold
