import numpy as np
a = np.array([[1., 2.], [2., 4.]])
cases = [
    lambda: np.linalg.inv(a),
    lambda: np.linalg.solve(a, np.array([1., 2.])),
    lambda: np.linalg.inv(np.ones((2, 3))),
    lambda: np.linalg.det(np.ones(3)),
    lambda: np.linalg.cholesky(np.array([[1., 2.], [2., 1.]])),
    lambda: np.linalg.eig(np.array([[np.nan, 0.], [0., 1.]])),
    lambda: np.linalg.eigvals(np.ones((2, 3))),
    lambda: np.linalg.svd(np.ones(4)),
    lambda: np.linalg.qr(np.ones(4)),
    lambda: np.linalg.qr(np.ones((2, 2)), mode='bogus'),
    lambda: np.linalg.lstsq(np.ones((3, 2)), np.ones(4)),
    lambda: np.linalg.lstsq(np.ones(3), np.ones(3)),
    lambda: np.linalg.norm(np.ones(3), 'fro'),
    lambda: np.linalg.norm(np.ones((2, 2)), 3),
    lambda: np.linalg.norm(np.ones((2, 2)), axis=(0, 0)),
    lambda: np.linalg.norm(np.ones((2, 2, 2)), axis=(0, 1, 2)),
    lambda: np.linalg.matrix_power(np.ones((2, 2)), 1.5),
    lambda: np.linalg.eigh(np.eye(2), UPLO='X'),
    lambda: np.linalg.solve(np.eye(2), np.ones(3)),
]
for f in cases:
    try:
        f()
        print("no error")
    except np.linalg.LinAlgError as e:
        print("LinAlgError:", e)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(issubclass(np.linalg.LinAlgError, ValueError), np.linalg.LinAlgError.__name__)
try:
    raise np.linalg.LinAlgError("custom")
except ValueError as e:
    print(repr(e))
# Expected:
# LinAlgError: Singular matrix
# LinAlgError: Singular matrix
# LinAlgError: Last 2 dimensions of the array must be square
# LinAlgError: 1-dimensional array given. Array must be at least two-dimensional
# LinAlgError: Matrix is not positive definite
# LinAlgError: Array must not contain infs or NaNs
# LinAlgError: Last 2 dimensions of the array must be square
# LinAlgError: 1-dimensional array given. Array must be at least two-dimensional
# LinAlgError: 1-dimensional array given. Array must be at least two-dimensional
# ValueError: Unrecognized mode 'bogus'
# LinAlgError: Incompatible dimensions
# LinAlgError: 1-dimensional array given. Array must be two-dimensional
# ValueError: Invalid norm order 'fro' for vectors
# ValueError: Invalid norm order for matrices.
# ValueError: Duplicate axes given.
# ValueError: Improper number of dimensions to norm.
# TypeError: exponent must be an integer
# ValueError: UPLO argument must be 'L' or 'U'
# ValueError: solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size 3 is different from 2)
# True LinAlgError
# LinAlgError('custom')
