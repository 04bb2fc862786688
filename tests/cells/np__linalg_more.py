import numpy as np
import numpy.linalg as LA
A = np.array([[1., 0.], [1., 1.], [1., 2.], [1., 3.]])
y = np.array([1., 3., 5., 8.])
x, res, rank, sv = LA.lstsq(A, y)
print(repr(x), repr(res), rank, repr(sv))
x2, res2, rank2, sv2 = np.linalg.lstsq(A, np.stack([y, 2 * y], axis=1), rcond=None)
print(repr(x2), repr(res2), rank2)
print(repr(LA.lstsq(np.array([[1., 1.]]), np.array([2.]))[1]), LA.lstsq(np.array([[1., 2.], [2., 4.]]), np.array([1., 2.]))[2])
# %%
p = np.array([[1., 2.], [3., 4.], [5., 6.]])
print(repr(LA.pinv(p)))
print(LA.pinv(p).shape, np.allclose(p @ LA.pinv(p) @ p, p))
print(LA.matrix_rank(np.ones((3, 3))), LA.matrix_rank(np.eye(4)), LA.matrix_rank(np.zeros(3)), LA.matrix_rank(p, tol=10.0))
print(repr(LA.matrix_power(np.array([[1, 1], [1, 0]]), 10)), repr(LA.matrix_power(np.array([[2., 0.], [0., 4.]]), -2)))
print(repr(LA.matrix_power(np.array([[1, 2], [3, 4]]), 0)), repr(LA.matrix_power(np.array([[1, 2], [3, 4]]), 3)))
# %%
m = np.arange(9).reshape(3, 3) - 4
for o in [None, 'fro', 'nuc', np.inf, -np.inf, 1, -1, 2]:
    print(o, LA.norm(m, o))
v = np.arange(5.)
for o in [None, 0, 1, 2, 3, 0.5, np.inf, -np.inf]:
    print(o, LA.norm(v, o))
print(repr(LA.norm(m, axis=0)), repr(LA.norm(m, axis=1, ord=1)), repr(LA.norm(m, keepdims=True)))
c = np.arange(24.).reshape(2, 3, 4)
print(repr(LA.norm(c, axis=(1, 2))), repr(LA.norm(c, ord='nuc', axis=(2, 1))), repr(LA.norm(c, ord=np.inf, axis=(0, 2), keepdims=True)))
print(LA.norm(np.array([3, 4])), LA.norm(np.array([[3, 4]], dtype='float32'), axis=1).dtype)
# Expected:
# array([0.8, 2.3]) array([0.3]) 2 array([4.10003045, 1.09075677])
# array([[0.8, 1.6],
#        [2.3, 4.6]]) array([0.3, 1.2]) 2
# array([], dtype=float64) 1
# array([[-1.33333333, -0.33333333,  0.66666667],
#        [ 1.08333333,  0.33333333, -0.41666667]])
# (2, 3) True
# 1 4 0 0
# array([[89, 55],
#        [55, 34]]) array([[0.25  , 0.    ],
#        [0.    , 0.0625]])
# array([[1, 0],
#        [0, 1]]) array([[ 37,  54],
#        [ 81, 118]])
# None 7.745966692414834
# fro 7.745966692414834
# nuc 9.797958971132712
# inf 9.0
# -inf 2.0
# 1 7.0
# -1 6.0
# 2 7.348469228349534
# None 5.477225575051661
# 0 4.0
# 1 10.0
# 2 5.477225575051661
# 3 4.641588833612778
# 0.5 37.7765657052182
# inf 4.0
# -inf 0.0
# array([4.58257569, 4.24264069, 4.58257569]) array([9., 2., 9.]) array([[7.74596669]])
# array([22.49444376, 61.78996682]) array([24.3646385 , 62.49508468]) array([[[54.],
#         [70.],
#         [86.]]])
# 5.0 float32
