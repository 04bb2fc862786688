import numpy as np
z = 1 + 2j
print(z, repr(z), 1j, -0.5j, complex(1, 2), complex(1.5), complex(), 2j * 2j, (1 + 2j) / (3 - 1j))
print(z.real, z.imag, z.conjugate(), abs(3 + 4j), z == 1 + 2j, z != 1, (1 + 1j) ** 2, -z, type(z).__name__)
a = np.array([1.5, -2.0])
print(repr(a * 1j), repr(1j * a), repr(a + (1 - 1j)), repr(np.array([1 + 2j, 3, -0.5j])))
print(np.array([[1j, 2], [3, 4]]).dtype, np.array([1j, 2]).tolist(), repr(np.exp(1j * np.pi * np.arange(3) / 2)))
try:
    1j < 2j
except TypeError as e:
    print("TypeError:", e)
print((-8) ** (1 / 3), (-2.0) ** 0.5)
# Expected:
# (1+2j) (1+2j) 1j (-0-0.5j) (1+2j) (1.5+0j) 0j (-4+0j) (0.1+0.7000000000000001j)
# 1.0 2.0 (1-2j) 5.0 True True 2j (-1-2j) complex
# array([ 0.+1.5j, -0.-2.j ]) array([ 0.+1.5j, -0.-2.j ]) array([ 2.5-1.j, -1. -1.j]) array([ 1.+2.j ,  3.+0.j , -0.-0.5j])
# complex128 [1j, (2+0j)] array([ 1.000000e+00+0.0000000e+00j,  6.123234e-17+1.0000000e+00j,
#        -1.000000e+00+1.2246468e-16j])
# TypeError: '<' not supported between instances of 'complex' and 'complex'
# (1.0000000000000002+1.7320508075688772j) (8.659560562354934e-17+1.4142135623730951j)
