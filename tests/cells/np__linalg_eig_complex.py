import numpy as np
import dask.array as da
rot = np.array([[0., -1.], [1., 0.]])
w, v = np.linalg.eig(rot)
print(repr(w), w.dtype)
print(repr(v))
m = np.array([[2., 1., 0.], [-1., 2., 0.], [0., 0., 3.]])
w, v = np.linalg.eig(m)
print(repr(w))
print(repr(v))
print(np.allclose(m @ v, v * w), repr(np.linalg.eigvals(m)), np.linalg.eigvals(np.eye(2)).dtype)
# %%
myarray = da.from_array(np.array([[0.5, -0.25, 0.1], [0.3, 0.2, -0.7], [0.9, 0.4, 0.6]]), chunks=2)
eigenval, eigenvect = np.linalg.eig(myarray);
eigenval
# Expected:
# array([0.+1.j, 0.-1.j]) complex128
# array([[0.70710678+0.j        , 0.70710678-0.j        ],
#        [0.        -0.70710678j, 0.        +0.70710678j]])
# array([2.+1.j, 2.-1.j, 3.+0.j])
# array([[0.70710678+0.j        , 0.70710678-0.j        ,
#         0.        +0.j        ],
#        [0.        +0.70710678j, 0.        -0.70710678j,
#         0.        +0.j        ],
#        [0.        +0.j        , 0.        -0.j        ,
#         1.        +0.j        ]])
# True array([2.+1.j, 2.-1.j, 3.+0.j]) float64
# Out: array([0.91560598+0.j       , 0.19219701+0.6293702j,
#        0.19219701-0.6293702j])
