import numpy as np
from numpy.linalg import inv, solve
a = np.array([[1., 2.], [3., 4.]])
s = np.array([[4., 1., 2.], [1., 5., 3.], [2., 3., 6.]])
print(repr(inv(a)))
print(repr(solve(a, np.array([1, 2]))), repr(solve(s, np.eye(3))))
print(np.linalg.det(a), np.linalg.det(s), np.linalg.det(np.array([[1, 2], [2, 4]])))
sign, logdet = np.linalg.slogdet(s)
print(sign, logdet, np.linalg.slogdet(a).sign, np.linalg.slogdet(a).logabsdet)
stack = np.arange(8).reshape(2, 2, 2) + np.eye(2)
print(repr(np.linalg.det(stack)), repr(np.linalg.inv(stack)))
# %%
w, v = np.linalg.eig(a)
print(repr(w))
print(repr(v))
print(repr(np.linalg.eigvals(s)), np.linalg.eigvals(s).dtype)
res = np.linalg.eigh(s)
print(repr(res.eigenvalues))
print(repr(res.eigenvectors))
print(repr(np.linalg.eigvalsh(s)), repr(np.linalg.eigvalsh(np.array([[2., 100.], [1., 2.]]), UPLO='U')))
# %%
m = np.array([[1., 2., 3.], [4., 5., 6.]])
u, sv, vh = np.linalg.svd(m)
print(repr(u))
print(repr(sv))
print(repr(vh))
print([x.shape for x in np.linalg.svd(m, full_matrices=False)], repr(np.linalg.svd(m.T, compute_uv=False)))
print(repr(np.allclose(u[:, :2] * sv @ vh[:2], m)))
# %%
t = np.array([[1., 2.], [3., 4.], [5., 6.]])
q, r = np.linalg.qr(t)
print(repr(q))
print(repr(r))
qc, rc = np.linalg.qr(t, mode='complete')
print(qc.shape, rc.shape, repr(np.linalg.qr(t, mode='r')))
print(repr(np.linalg.cholesky(s)))
print(repr(np.linalg.cholesky(s, upper=True)))
print(np.linalg.inv(np.eye(2, dtype='float32')).dtype, np.linalg.det(np.eye(2, dtype='int32')))
# Expected:
# array([[-2. ,  1. ],
#        [ 1.5, -0.5]])
# array([0. , 0.5]) array([[ 0.3       ,  0.        , -0.1       ],
#        [ 0.        ,  0.28571429, -0.14285714],
#        [-0.1       , -0.14285714,  0.27142857]])
# -2.0000000000000004 69.99999999999996 0.0
# 1.0 4.2484952420493585 -1.0 0.6931471805599455
# array([ 2., 10.]) array([[[ 2. , -0.5],
#         [-1. ,  0.5]],
#
#        [[ 0.8, -0.5],
#         [-0.6,  0.5]]])
# array([-0.37228132,  5.37228132])
# array([[-0.82456484, -0.41597356],
#        [ 0.56576746, -0.90937671]])
# array([9.41883268, 3.38677016, 2.19439717]) float64
# array([2.19439717, 3.38677016, 9.41883268])
# array([[-0.4412247 , -0.81558342, -0.37435872],
#        [-0.57735027,  0.57735027, -0.57735027],
#        [ 0.68701342, -0.03860509, -0.7256185 ]])
# array([2.19439717, 3.38677016, 9.41883268]) array([-98., 102.])
# array([[-0.3863177 , -0.92236578],
#        [-0.92236578,  0.3863177 ]])
# array([9.508032  , 0.77286964])
# array([[-0.42866713, -0.56630692, -0.7039467 ],
#        [ 0.80596391,  0.11238241, -0.58119908],
#        [ 0.40824829, -0.81649658,  0.40824829]])
# [(2, 2), (2,), (2, 3)] array([9.508032  , 0.77286964])
# True
# array([[-0.16903085,  0.89708523],
#        [-0.50709255,  0.27602622],
#        [-0.84515425, -0.34503278]])
# array([[-5.91607978, -7.43735744],
#        [ 0.        ,  0.82807867]])
# (3, 3) (3, 2) array([[-5.91607978, -7.43735744],
#        [ 0.        ,  0.82807867]])
# array([[2.        , 0.        , 0.        ],
#        [0.5       , 2.17944947, 0.        ],
#        [1.        , 1.14707867, 1.91942974]])
# array([[2.        , 0.5       , 1.        ],
#        [0.        , 2.17944947, 1.14707867],
#        [0.        , 0.        , 1.91942974]])
# float32 1.0
