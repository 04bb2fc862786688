import numpy as np
a = np.arange(12).reshape(3, 4) if hasattr(np.arange(1), 'reshape') else None
print(repr(np.zeros((2, 3))))
print(repr(np.ones(4, dtype='int32')))
print(repr(np.arange(5)))
print(repr(np.arange(0.0, 1.0, 0.25)))
print(repr(np.linspace(0, 1, 5)))
print(np.ones((2, 2)).dtype, np.arange(3).dtype)
# Expected:
# array([[0., 0., 0.],
#        [0., 0., 0.]])
# array([1, 1, 1, 1], dtype=int32)
# array([0, 1, 2, 3, 4])
# array([0.  , 0.25, 0.5 , 0.75])
# array([0.  , 0.25, 0.5 , 0.75, 1.  ])
# float64 int64
