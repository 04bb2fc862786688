class Animal:
    sound = '...'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f'{self.name} says {self.sound}'
class Dog(Animal):
    sound = 'woof'
class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + '!'
for a in [Animal('x'), Dog('rex'), Puppy('bit')]:
    print(a.speak())
print(isinstance(Puppy('p'), Animal), issubclass(Dog, Animal), issubclass(Animal, Dog))
# Expected:
# x says ...
# rex says woof
# bit says woof!
# True True False
