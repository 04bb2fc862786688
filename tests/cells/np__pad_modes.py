import numpy as np
x = np.arange(10)
for mode in ["edge", "reflect", "symmetric", "wrap", "maximum", "minimum", "mean", "median", "linear_ramp"]:
    for w in [(2, 3), (0, 2), 1, ((4, 1),), (13, 25)]:
        print(mode, w, np.pad(x, w, mode=mode))
print(np.pad(x, 12, mode="reflect", reflect_type="odd"))
print(np.pad(x, (5, 13), mode="symmetric", reflect_type="odd"))
print(np.pad(np.array([1, 2, 4]), 4, mode="reflect", reflect_type="odd"))
print(np.pad(np.array([7]), (2, 1), mode="reflect"), np.pad(np.array([7]), 2, mode="wrap"))
print(np.pad(x, 2, mode="empty").shape)
# %%
y = np.arange(20).reshape(4, 5) ** 2
for mode in ["edge", "reflect", "symmetric", "wrap", "maximum", "minimum", "mean", "median"]:
    print(mode)
    print(np.pad(y, ((1, 2), (2, 1)), mode=mode))
print(np.pad(y, ((1, 2), (2, 1)), mode="mean", stat_length=((1, 2), (3, 1))))
print(np.pad(y, ((1, 2), (2, 1)), mode="median", stat_length=2))
print(np.pad(y, 2, mode="maximum", stat_length=1)[0], np.pad(y, 1, mode="minimum", stat_length=(2, 9))[:, 0])
print(np.pad(y, ((1, 2), (2, 1)), mode="linear_ramp", end_values=((5, -3), (100, 7))))
f = np.linspace(0, 1, 12, dtype="f4").reshape(3, 4)
print(np.pad(f, ((2, 1), (1, 3)), mode="linear_ramp", end_values=(0.3, -2)))
print(np.pad(f, 1, mode="mean").dtype, np.pad(f, 1, mode="mean")[0], np.pad(f, 1, mode="median")[0])
print(np.pad(np.array([True, False, True]), 2, mode="reflect"), np.pad(np.array([True, False]), 1, mode="wrap"))
print(np.pad(np.array([2.5, -1.0]), 3, mode="linear_ramp", end_values=(1.0, 4)))
print(np.pad(np.array([3, 200], dtype="u1"), 2, mode="linear_ramp", end_values=(0, 255)))
print(np.pad(np.array([3, -100], dtype="i1"), 2, mode="reflect", reflect_type="odd"))
print(np.pad(np.zeros((0, 3)), ((0, 0), (1, 2)), mode="edge").shape)
# %%
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
z = np.arange(6)
err(lambda: np.pad(z, 1, mode="foo"))
err(lambda: np.pad(z, 1, mode="edge", stat_length=3))
err(lambda: np.pad(z, 1, mode="wrap", reflect_type="odd"))
err(lambda: np.pad(np.zeros((0, 2)), 1, mode="reflect"))
err(lambda: np.pad(np.zeros((2, 0)), 1, mode="mean"))
err(lambda: np.pad(z, 1, mode="maximum", stat_length=0))
err(lambda: np.pad(z, 1, mode="mean", stat_length=-1))
err(lambda: np.pad(z, 1.5, mode="edge"))
err(lambda: np.pad(z, -1, mode="wrap"))
err(lambda: np.pad(z, ((1, 2), (3, 4)), mode="edge"))
print(np.pad(z, 1, mode="mean", stat_length=0) is not None)
# Expected:
# edge (2, 3) [0 0 0 1 2 3 4 5 6 7 8 9 9 9 9]
# edge (0, 2) [0 1 2 3 4 5 6 7 8 9 9 9]
# edge 1 [0 0 1 2 3 4 5 6 7 8 9 9]
# edge ((4, 1),) [0 0 0 0 0 1 2 3 4 5 6 7 8 9 9]
# edge (13, 25) [0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 2 3 4 5 6 7 8 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9
#  9 9 9 9 9 9 9 9 9 9 9]
# reflect (2, 3) [2 1 0 1 2 3 4 5 6 7 8 9 8 7 6]
# reflect (0, 2) [0 1 2 3 4 5 6 7 8 9 8 7]
# reflect 1 [1 0 1 2 3 4 5 6 7 8 9 8]
# reflect ((4, 1),) [4 3 2 1 0 1 2 3 4 5 6 7 8 9 8]
# reflect (13, 25) [5 6 7 8 9 8 7 6 5 4 3 2 1 0 1 2 3 4 5 6 7 8 9 8 7 6 5 4 3 2 1 0 1 2 3 4 5
#  6 7 8 9 8 7 6 5 4 3 2]
# symmetric (2, 3) [1 0 0 1 2 3 4 5 6 7 8 9 9 8 7]
# symmetric (0, 2) [0 1 2 3 4 5 6 7 8 9 9 8]
# symmetric 1 [0 0 1 2 3 4 5 6 7 8 9 9]
# symmetric ((4, 1),) [3 2 1 0 0 1 2 3 4 5 6 7 8 9 9]
# symmetric (13, 25) [7 8 9 9 8 7 6 5 4 3 2 1 0 0 1 2 3 4 5 6 7 8 9 9 8 7 6 5 4 3 2 1 0 0 1 2 3
#  4 5 6 7 8 9 9 8 7 6 5]
# wrap (2, 3) [8 9 0 1 2 3 4 5 6 7 8 9 0 1 2]
# wrap (0, 2) [0 1 2 3 4 5 6 7 8 9 0 1]
# wrap 1 [9 0 1 2 3 4 5 6 7 8 9 0]
# wrap ((4, 1),) [6 7 8 9 0 1 2 3 4 5 6 7 8 9 0]
# wrap (13, 25) [7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
#  4 5 6 7 8 9 0 1 2 3 4]
# maximum (2, 3) [9 9 0 1 2 3 4 5 6 7 8 9 9 9 9]
# maximum (0, 2) [0 1 2 3 4 5 6 7 8 9 9 9]
# maximum 1 [9 0 1 2 3 4 5 6 7 8 9 9]
# maximum ((4, 1),) [9 9 9 9 0 1 2 3 4 5 6 7 8 9 9]
# maximum (13, 25) [9 9 9 9 9 9 9 9 9 9 9 9 9 0 1 2 3 4 5 6 7 8 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9
#  9 9 9 9 9 9 9 9 9 9 9]
# minimum (2, 3) [0 0 0 1 2 3 4 5 6 7 8 9 0 0 0]
# minimum (0, 2) [0 1 2 3 4 5 6 7 8 9 0 0]
# minimum 1 [0 0 1 2 3 4 5 6 7 8 9 0]
# minimum ((4, 1),) [0 0 0 0 0 1 2 3 4 5 6 7 8 9 0]
# minimum (13, 25) [0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 2 3 4 5 6 7 8 9 0 0 0 0 0 0 0 0 0 0 0 0 0 0
#  0 0 0 0 0 0 0 0 0 0 0]
# mean (2, 3) [4 4 0 1 2 3 4 5 6 7 8 9 4 4 4]
# mean (0, 2) [0 1 2 3 4 5 6 7 8 9 4 4]
# mean 1 [4 0 1 2 3 4 5 6 7 8 9 4]
# mean ((4, 1),) [4 4 4 4 0 1 2 3 4 5 6 7 8 9 4]
# mean (13, 25) [4 4 4 4 4 4 4 4 4 4 4 4 4 0 1 2 3 4 5 6 7 8 9 4 4 4 4 4 4 4 4 4 4 4 4 4 4
#  4 4 4 4 4 4 4 4 4 4 4]
# median (2, 3) [4 4 0 1 2 3 4 5 6 7 8 9 4 4 4]
# median (0, 2) [0 1 2 3 4 5 6 7 8 9 4 4]
# median 1 [4 0 1 2 3 4 5 6 7 8 9 4]
# median ((4, 1),) [4 4 4 4 0 1 2 3 4 5 6 7 8 9 4]
# median (13, 25) [4 4 4 4 4 4 4 4 4 4 4 4 4 0 1 2 3 4 5 6 7 8 9 4 4 4 4 4 4 4 4 4 4 4 4 4 4
#  4 4 4 4 4 4 4 4 4 4 4]
# linear_ramp (2, 3) [0 0 0 1 2 3 4 5 6 7 8 9 6 3 0]
# linear_ramp (0, 2) [0 1 2 3 4 5 6 7 8 9 4 0]
# linear_ramp 1 [0 0 1 2 3 4 5 6 7 8 9 0]
# linear_ramp ((4, 1),) [0 0 0 0 0 1 2 3 4 5 6 7 8 9 0]
# linear_ramp (13, 25) [0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 2 3 4 5 6 7 8 9 8 8 7 7 7 6 6 6 5 5 5 4 4 3
#  3 3 2 2 2 1 1 1 0 0 0]
# [-12 -11 -10  -9  -8  -7  -6  -5  -4  -3  -2  -1   0   1   2   3   4   5
#    6   7   8   9  10  11  12  13  14  15  16  17  18  19  20  21]
# [-4 -3 -2 -1  0  0  1  2  3  4  5  6  7  8  9  9 10 11 12 13 14 15 16 17
#  18 18 19 20]
# [-5 -4 -2  0  1  2  4  6  7  8 10]
# [7 7 7 7] [7 7 7 7 7]
# (14,)
# edge
# [[  0   0   0   1   4   9  16  16]
#  [  0   0   0   1   4   9  16  16]
#  [ 25  25  25  36  49  64  81  81]
#  [100 100 100 121 144 169 196 196]
#  [225 225 225 256 289 324 361 361]
#  [225 225 225 256 289 324 361 361]
#  [225 225 225 256 289 324 361 361]]
# reflect
# [[ 49  36  25  36  49  64  81  64]
#  [  4   1   0   1   4   9  16   9]
#  [ 49  36  25  36  49  64  81  64]
#  [144 121 100 121 144 169 196 169]
#  [289 256 225 256 289 324 361 324]
#  [144 121 100 121 144 169 196 169]
#  [ 49  36  25  36  49  64  81  64]]
# symmetric
# [[  1   0   0   1   4   9  16  16]
#  [  1   0   0   1   4   9  16  16]
#  [ 36  25  25  36  49  64  81  81]
#  [121 100 100 121 144 169 196 196]
#  [256 225 225 256 289 324 361 361]
#  [256 225 225 256 289 324 361 361]
#  [121 100 100 121 144 169 196 196]]
# wrap
# [[324 361 225 256 289 324 361 225]
#  [  9  16   0   1   4   9  16   0]
#  [ 64  81  25  36  49  64  81  25]
#  [169 196 100 121 144 169 196 100]
#  [324 361 225 256 289 324 361 225]
#  [  9  16   0   1   4   9  16   0]
#  [ 64  81  25  36  49  64  81  25]]
# maximum
# [[361 361 225 256 289 324 361 361]
#  [ 16  16   0   1   4   9  16  16]
#  [ 81  81  25  36  49  64  81  81]
#  [196 196 100 121 144 169 196 196]
#  [361 361 225 256 289 324 361 361]
#  [361 361 225 256 289 324 361 361]
#  [361 361 225 256 289 324 361 361]]
# minimum
# [[  0   0   0   1   4   9  16   0]
#  [  0   0   0   1   4   9  16   0]
#  [ 25  25  25  36  49  64  81  25]
#  [100 100 100 121 144 169 196 100]
#  [225 225 225 256 289 324 361 225]
#  [  0   0   0   1   4   9  16   0]
#  [  0   0   0   1   4   9  16   0]]
# mean
# [[124 124  88 104 122 142 164 124]
#  [  6   6   0   1   4   9  16   6]
#  [ 51  51  25  36  49  64  81  51]
#  [146 146 100 121 144 169 196 146]
#  [291 291 225 256 289 324 361 291]
#  [124 124  88 104 122 142 164 124]
#  [124 124  88 104 122 142 164 124]]
# median
# [[ 96  96  62  78  96 116 138  96]
#  [  4   4   0   1   4   9  16   4]
#  [ 49  49  25  36  49  64  81  49]
#  [144 144 100 121 144 169 196 144]
#  [289 289 225 256 289 324 361 289]
#  [ 96  96  62  78  96 116 138  96]
#  [ 96  96  62  78  96 116 138  96]]
# [[  2   2   0   1   4   9  16  16]
#  [  2   2   0   1   4   9  16  16]
#  [ 37  37  25  36  49  64  81  81]
#  [122 122 100 121 144 169 196 196]
#  [257 257 225 256 289 324 361 361]
#  [189 189 162 188 216 246 278 278]
#  [189 189 162 188 216 246 278 278]]
# [[ 15  15  12  18  26  36  48  42]
#  [  0   0   0   1   4   9  16  12]
#  [ 30  30  25  36  49  64  81  72]
#  [110 110 100 121 144 169 196 182]
#  [240 240 225 256 289 324 361 342]
#  [175 175 162 188 216 246 278 262]
#  [175 175 162 188 216 246 278 262]]
# [ 0  0  0  1  4  9 16 16 16] [  0   0  25 100 225   0]
# [[100  52   5   5   5   5   5   7]
#  [100  50   0   1   4   9  16   7]
#  [100  62  25  36  49  64  81   7]
#  [100 100 100 121 144 169 196   7]
#  [100 162 225 256 289 324 361   7]
#  [100 105 111 126 143 160 179   7]
#  [100  48  -3  -3  -3  -3  -3   7]]
# [[ 0.3         0.3         0.3         0.3         0.3        -0.46666667
#   -1.2333333  -2.        ]
#  [ 0.3         0.15        0.19545455  0.2409091   0.28636363 -0.47575757
#   -1.2378788  -2.        ]
#  [ 0.3         0.          0.09090909  0.18181819  0.27272728 -0.48484847
#   -1.2424242  -2.        ]
#  [ 0.3         0.36363637  0.45454547  0.54545456  0.6363636  -0.24242425
#   -1.1212121  -2.        ]
#  [ 0.3         0.72727275  0.8181818   0.90909094  1.          0.
#   -1.         -2.        ]
#  [ 0.3        -2.         -2.         -2.         -2.         -2.
#   -2.         -2.        ]]
# float32 [0.5        0.36363637 0.45454547 0.54545456 0.6363636  0.5       ] [0.5        0.36363637 0.45454547 0.54545456 0.6363636  0.5       ]
# [ True False  True False  True False  True] [False  True False  True]
# [ 1.          1.5         2.          2.5        -1.          0.66666667
#   2.33333333  4.        ]
# [  0   1   3 200 227 255]
# [ -47  106    3 -100   53  -50]
# (0, 6)
# ValueError mode 'foo' is not supported
# ValueError unsupported keyword arguments for mode 'edge': {'stat_length'}
# ValueError unsupported keyword arguments for mode 'wrap': {'reflect_type'}
# ValueError can't extend empty axis 0 using modes other than 'constant' or 'empty'
# ValueError can't extend empty axis 1 using modes other than 'constant' or 'empty'
# ValueError stat_length of 0 yields no value for padding
# ValueError index can't contain negative values
# TypeError `pad_width` must be of integral type.
# ValueError index can't contain negative values
# ValueError operands could not be broadcast together with remapped shapes [original->remapped]: (2,2)  and requested shape (1,2)
# True
