import numpy as np
import dask.array as da
a = np.arange(12).reshape(3, 4)
b = np.arange(20).reshape(4, 5)
s = np.arange(16).reshape(4, 4)
v = np.arange(4)
print(np.einsum('ij,jk->ik', a, b))
print(np.einsum('ij,jk', a, b).shape, np.einsum('ij->ji', a).shape, np.einsum('ji', a).shape)
print(np.einsum('ii->', s), np.einsum('ii', s), np.einsum('ii->i', s), np.einsum('ij->', a), np.einsum('ij->j', a))
print(np.einsum('i,i->', v, v), np.einsum('i,i', v, v), np.einsum('ij,ij->', a, a))
print(np.einsum('i,j->ij', v, v[:3]))
print(np.einsum('ij,ij->ij', a, a))
print(np.einsum(' i j , j k -> k i ', a, b))
x3 = np.arange(24).reshape(2, 3, 4)
y3 = np.arange(40).reshape(2, 4, 5)
print(np.einsum('bij,bjk->bik', x3, y3))
print(np.einsum('...ij,...jk->...ik', x3, b).shape, np.einsum('i...->...', x3).shape, np.einsum('...ii->...i', np.arange(18).reshape(2, 3, 3)))
print(np.einsum('ij,jk,kl->il', a, b, np.arange(10).reshape(5, 2)))
print(np.einsum('ij,jk', a, np.ones((1, 2), dtype=int)))
# %%
print(np.einsum('i,i->', v, v), np.einsum('ij->i', a.astype('int32')).dtype, np.einsum('ij,ij->i', a.astype('int8'), a.astype('int8')).dtype)
print(np.einsum('i,i', np.array([True, False, True]), np.array([True, True, False])), np.einsum('i,i->i', v, np.ones(4)).dtype)
print(np.einsum('ij->', np.full((2, 2), 200, dtype='uint8')), np.einsum('ij,ij->ij', a.astype('float32'), a.astype('int8')).dtype)
print(type(np.einsum('ij', a)).__name__, type(np.einsum('ij', da.from_array(a))).__name__)
# %%
for bad in [lambda: np.einsum('ijk', a), lambda: np.einsum('i', a), lambda: np.einsum('ij,jk', a, a),
            lambda: np.einsum('ij,j->i', a, np.arange(5)), lambda: np.einsum('ii', a),
            lambda: np.einsum('ij->k', a), lambda: np.einsum('ij->ii', a), lambda: np.einsum('ij,jk', a),
            lambda: np.einsum('ij', a, a), lambda: np.einsum('i$', a), lambda: np.einsum('ij->->', a),
            lambda: np.einsum('ij-', a), lambda: np.einsum('i..j', a), lambda: np.einsum('i...->', a),
            lambda: np.einsum('ij'), lambda: np.einsum()]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
# %%
x = da.from_array(a, chunks=2)
y = da.from_array(b, chunks=(3, 2))
for sub, ops in [('ij,jk->ik', (x, y)), ('ij,jk', (x, y)), ('ij->ji', (x,)), ('ij->j', (x,)), ('ij->', (x,)),
                 ('ij,ij->ij', (x, x)), ('ij,ij', (x, x)), ('i,i->', (x[0], x[1])), ('i,j->ij', (x[0], x[1])),
                 ('ji,jk->ki', (x, da.from_array(np.arange(15).reshape(3, 5), chunks=2)))]:
    r = da.einsum(sub, *ops)
    print(sub, r.shape, r.chunks, r.dtype)
    print(r.compute())
# %%
sq = da.from_array(s, chunks=3)
print(da.einsum('ii->', sq).compute(), da.einsum('ii->i', sq).chunks, da.einsum('ii->i', sq).compute())
xb = da.from_array(x3, chunks=(1, 2, 2))
yb = da.from_array(y3, chunks=(1, 3, 2))
r = da.einsum('bij,bjk->bik', xb, yb)
print(r.chunks, (r.compute() == np.einsum('bij,bjk->bik', x3, y3)).all())
r = da.einsum('...ij,...jk->...ik', xb, y)
print(r.chunks, (r.compute() == np.einsum('...ij,...jk->...ik', x3, b)).all())
r = np.einsum('ij,jk->ik', x, b)
print(type(r).__name__, r.chunks, r.compute()[2])
r = da.einsum('ij,jk->ik', a, b)
print(type(r).__name__, r.chunks)
i32 = da.from_array(a.astype('int32'), chunks=2)
print(da.einsum('ij->ij', i32).dtype, da.einsum('ij->', i32).dtype, da.einsum('ij,ij->i', i32, i32).dtype)
print(da.einsum('i,i->', da.from_array(np.array([True, False])), da.from_array(np.array([True, True]))).compute())
# %%
for bad in [lambda: da.einsum('i$', x), lambda: da.einsum('ij->->', x), lambda: da.einsum('ij->k', x),
            lambda: da.einsum('ij', x, x), lambda: da.einsum('ijk', x), lambda: da.einsum('ij->ii', x)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
# Expected:
# [[ 70  76  82  88  94]
#  [190 212 234 256 278]
#  [310 348 386 424 462]]
# (3, 5) (4, 3) (4, 3)
# 30 30 [ 0  5 10 15] 66 [12 15 18 21]
# 14 14 506
# [[0 0 0]
#  [0 1 2]
#  [0 2 4]
#  [0 3 6]]
# [[  0   1   4   9]
#  [ 16  25  36  49]
#  [ 64  81 100 121]]
# [[ 70 190 310]
#  [ 76 212 348]
#  [ 82 234 386]
#  [ 88 256 424]
#  [ 94 278 462]]
# [[[  70   76   82   88   94]
#   [ 190  212  234  256  278]
#   [ 310  348  386  424  462]]
#
#  [[1510 1564 1618 1672 1726]
#   [1950 2020 2090 2160 2230]
#   [2390 2476 2562 2648 2734]]]
# (2, 3, 5) (3, 4) [[ 0  4  8]
#  [ 9 13 17]]
# [[ 1760  2170]
#  [ 5120  6290]
#  [ 8480 10410]]
# [[ 6  6]
#  [22 22]
#  [38 38]]
# 14 int32 int8
# True float64
# 32 float32
# ndarray Array
# ValueError einstein sum subscripts string contains too many subscripts for operand 0
# ValueError operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.
# ValueError operands could not be broadcast together with remapped shapes [original->remapped]: (3,4)->(3,newaxis,4) (3,4)->(4,3) 
# ValueError operands could not be broadcast together with remapped shapes [original->remapped]: (3,4)->(3,4) (5,)->(5) 
# ValueError dimensions in operand 0 for collapsing index 'i' don't match (3 != 4)
# ValueError einstein sum subscripts string included output subscript 'k' which never appeared in an input
# ValueError einstein sum subscripts string includes output subscript 'i' multiple times
# ValueError more operands provided to einstein sum function than specified in the subscripts string
# ValueError fewer operands provided to einstein sum function than specified in the subscripts string
# ValueError invalid subscript '$' in einstein sum subscripts string, subscripts must be letters
# ValueError invalid subscript '-' in einstein sum subscripts string, subscripts must be letters
# ValueError einstein sum subscript string does not contain proper '->' output specified
# ValueError einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand 0
# ValueError output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.
# ValueError must specify the einstein sum subscripts string and at least one operand
# ValueError must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list
# ij,jk->ik (3, 5) ((2, 1), (2, 2, 1)) int64
# [[ 70  76  82  88  94]
#  [190 212 234 256 278]
#  [310 348 386 424 462]]
# ij,jk (3, 5) ((2, 1), (2, 2, 1)) int64
# [[ 70  76  82  88  94]
#  [190 212 234 256 278]
#  [310 348 386 424 462]]
# ij->ji (4, 3) ((2, 2), (2, 1)) int64
# [[ 0  4  8]
#  [ 1  5  9]
#  [ 2  6 10]
#  [ 3  7 11]]
# ij->j (4,) ((2, 2),) int64
# [12 15 18 21]
# ij-> () () int64
# 66
# ij,ij->ij (3, 4) ((2, 1), (2, 2)) int64
# [[  0   1   4   9]
#  [ 16  25  36  49]
#  [ 64  81 100 121]]
# ij,ij () () int64
# 506
# i,i-> () () int64
# 38
# i,j->ij (4, 4) ((1, 1, 1, 1), (1, 1, 1, 1)) int64
# [[ 0  0  0  0]
#  [ 4  5  6  7]
#  [ 8 10 12 14]
#  [12 15 18 21]]
# ji,jk->ki (5, 4) ((2, 2, 1), (2, 2)) int64
# [[100 115 130 145]
#  [112 130 148 166]
#  [124 145 166 187]
#  [136 160 184 208]
#  [148 175 202 229]]
# 30 ((3, 1),) [ 0  5 10 15]
# ((1, 1), (2, 1), (2, 2, 1)) True
# ((1, 1), (2, 1), (2, 2, 1)) True
# Array ((2, 1), (5,)) [310 348 386 424 462]
# Array ((3,), (5,))
# int32 int64 int64
# 1
# ValueError Character $ is not a valid symbol.
# ValueError Subscripts can only contain one '->'.
# ValueError Output character k did not appear in the input
# ValueError Number of einsum subscripts must be equal to the number of operands.
# ValueError Index string ('i', 'j', 'k') does not match array dimension 2
# ValueError ('Repeated elements not allowed in output index', ['i'])
