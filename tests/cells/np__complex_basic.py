import numpy as np
a = np.array([1., -3.]) + np.array([2., -0.5]) * np.sqrt(np.array([-1.]).astype('complex128'))
print(repr(a), a.dtype, np.iscomplexobj(a), np.iscomplexobj(np.ones(2)), np.isrealobj(a))
print(repr(a.real), repr(a.imag), repr(np.real(a)), repr(np.imag(np.arange(3.))))
print(repr(np.conj(a)), repr(a.conj()), repr(np.conjugate(a)), repr(np.angle(a)), repr(np.abs(a)))
print(repr(np.array([0.5]).astype('complex128')), repr(np.zeros((2, 2)).astype(np.complex128)))
print(repr(a.astype('float64')), repr(a.astype(int)), repr(a.astype(bool)))
print(str(a), np.dtype('complex128'), np.dtype(np.complex128))
# %%
z = np.array([1., 2.]).astype('complex128') * 2 - 1
print(repr(z + a), repr(a * a), repr(a / 2), repr(a - 1), repr(2 * a), repr(a ** 2))
print(repr(a == a[0]), repr(a != a), repr(a.sum()), repr(np.sum(a)), repr(a.prod()), repr(a.mean()))
print(repr(np.exp(a)), repr(np.log(a)))
print(repr(np.sqrt(a)))
print(a[0], a[1:], a[::-1], a.shape, len(a))
print(np.allclose(a, a + 1e-12), repr(np.isclose(a, a.conj())))
big = np.array([1e10, 1.]) * np.ones(2).astype('complex128') + np.array([1., 0.]) * np.sqrt(np.array([-1.]).astype('complex128'))
print(repr(big), repr(np.array([np.nan, np.inf]) * np.ones(2).astype('complex128')))
# %%
for f in [lambda: np.floor(a), lambda: a // 2, lambda: a % 2, lambda: np.arctan2(a, a)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
# Expected:
# array([ 1.+2.j , -3.-0.5j]) complex128 True False False
# array([ 1., -3.]) array([ 2. , -0.5]) array([ 1., -3.]) array([0., 0., 0.])
# array([ 1.-2.j , -3.+0.5j]) array([ 1.-2.j , -3.+0.5j]) array([ 1.-2.j , -3.+0.5j]) array([ 1.10714872, -2.97644398]) array([2.23606798, 3.04138127])
# array([0.5+0.j]) array([[0.+0.j, 0.+0.j],
#        [0.+0.j, 0.+0.j]])
# array([ 1., -3.]) array([ 1, -3]) array([ True,  True])
# [ 1.+2.j  -3.-0.5j] complex128 complex128
# array([2.+2.j , 0.-0.5j]) array([-3.  +4.j,  8.75+3.j]) array([ 0.5+1.j  , -1.5-0.25j]) array([ 0.+2.j , -4.-0.5j]) array([ 2.+4.j, -6.-1.j]) array([-3.  +4.j,  8.75+3.j])
# array([ True, False]) array([False, False]) np.complex128(-2+1.5j) np.complex128(-2+1.5j) np.complex128(-2-6.5j) np.complex128(-1+0.75j)
# array([-1.13120438+2.47172667j,  0.04369226-0.02386919j]) array([0.80471896+1.10714872j, 1.11231178-2.97644398j])
# array([1.27201965+0.78615138j, 0.14384239-1.73801342j])
# (1+2j) [-3.-0.5j] [-3.-0.5j  1.+2.j ] (2,) 2
# True array([False, False])
# array([1.e+10+1.j, 1.e+00+0.j]) array([nan+nanj, inf+nanj])
# TypeError: ufunc 'floor' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''
# TypeError: ufunc 'floor_divide' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''
# TypeError: ufunc 'remainder' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''
# TypeError: ufunc 'arctan2' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''
