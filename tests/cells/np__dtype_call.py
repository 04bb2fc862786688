import numpy as np
print(np.float32(2.5), np.int64(3.9), np.float64(7), np.int32(-4.5))
print(np.float32(np.arange(3)).dtype, np.int16([1.7, 2.2, -3.9]))
print(np.dtype('float32') == np.float32, callable(np.float64))
print(np.float32('1.5'), np.int16(' 12 '), np.float64(None), np.bool_(''), np.uint8(255))
for f in [lambda: np.int8(300), lambda: np.uint8(-1), lambda: np.float32('abc'), lambda: np.int64('1.5')]:
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ':', e)
# Expected:
# 2.5 3 7.0 -4
# float32 [ 1  2 -3]
# True True
# 1.5 12 nan False 255
# OverflowError: Python integer 300 out of bounds for int8
# OverflowError: Python integer -1 out of bounds for uint8
# ValueError: could not convert string to float: 'abc'
# ValueError: invalid literal for int() with base 10: '1.5'
