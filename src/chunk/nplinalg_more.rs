//! The rest of `numpy.linalg` over chunks: `lstsq` (`gelsd`), `pinv`,
//! `matrix_rank`, `norm` and `matrix_power`, following NumPy's Python code
//! (`numpy/linalg/_linalg.py`) step by step so results round the same way.

use super::error::{ChunkError, Result};
use super::lapack::{self, ColMat};
use super::nplinalg::{build, linalg_error, result_dtype, square, stack, svd};
use super::{binary, reduce, unary, BinaryOp, Chunk, DType, ReduceOp, Scalar, UnaryOp};

/// What `np.linalg.lstsq` returns: `(x, residuals, rank, s)`.
#[derive(Debug, Clone)]
pub struct LstsqResult {
    /// The least-squares solution.
    pub x: Chunk,
    /// Squared residual norms per column (empty unless full rank and M > N).
    pub residuals: Chunk,
    /// Effective rank of `a`.
    pub rank: usize,
    /// Singular values of `a`.
    pub s: Chunk,
}

/// `np.linalg.lstsq(a, b, rcond=None)` for a 2-D `a` and 1- or 2-D `b`.
pub fn lstsq(a: &Chunk, b: &Chunk, rcond: Option<f64>) -> Result<LstsqResult> {
    let is_1d = b.ndim() == 1;
    for c in [a, b] {
        let nd = if is_1d && std::ptr::eq(c, b) {
            2
        } else {
            c.ndim()
        };
        if nd != 2 {
            return Err(linalg_error(format!(
                "{nd}-dimensional array given. Array must be two-dimensional"
            )));
        }
    }
    let sa = stack(a)?;
    let (m, n) = (sa.rows, sa.cols);
    let (m2, nrhs) = if is_1d {
        (b.shape()[0], 1)
    } else {
        (b.shape()[0], b.shape()[1])
    };
    if m != m2 {
        return Err(linalg_error("Incompatible dimensions"));
    }
    let dt = result_dtype(&[a, b]);
    let rcond = rcond.unwrap_or(f64::EPSILON * m.max(n) as f64);
    let ldb = m.max(n).max(1);
    let cols = nrhs.max(1);
    let bv = b.to_f64_vec();
    let mut bm = ColMat::zeros(ldb, cols);
    for i in 0..m {
        for j in 0..nrhs {
            bm.data[i + j * ldb] = bv[i * nrhs + j];
        }
    }
    let amat = sa.mats.into_iter().next().expect("one matrix");
    let r = lapack::gelsd(amat, bm, rcond)
        .map_err(|_| linalg_error("SVD did not converge in Linear Least Squares"))?;
    let mut x = Vec::with_capacity(n * nrhs);
    for i in 0..n {
        for j in 0..nrhs {
            x.push(if m == 0 { 0.0 } else { r.b.at(i, j) });
        }
    }
    let x_shape: Vec<usize> = if is_1d { vec![n] } else { vec![n, nrhs] };
    let residuals = if r.rank == n && m > n {
        let res: Vec<f64> = (0..nrhs)
            .map(|j| (n..m).map(|i| r.b.at(i, j).powi(2)).sum())
            .collect();
        Chunk::from_vec(res, &[nrhs])?
    } else {
        Chunk::from_vec(Vec::<f64>::new(), &[0])?
    };
    Ok(LstsqResult {
        x: Chunk::from_vec(x, &x_shape)?.astype(dt)?,
        residuals: residuals.astype(dt)?,
        rank: r.rank,
        s: Chunk::from_vec(r.s, &[m.min(n)])?.astype(dt)?,
    })
}

/// `np.linalg.pinv(a, rcond=1e-15)`: `Vᵀ·diag(1/s)·Uᵀ` over the singular values
/// above `rcond * max(s)`.
pub fn pinv(a: &Chunk, rcond: f64) -> Result<Chunk> {
    let st = stack(a)?;
    let (m, n) = (st.rows, st.cols);
    let dt = result_dtype(&[a]);
    if m * n == 0 {
        return build(&st.batch, &[n, m], vec![vec![]; st.mats.len()], dt);
    }
    let (u, s, vt) = svd(a, false, true)?;
    let (u, s, vt) = (
        u.expect("uv").to_f64_vec(),
        s.to_f64_vec(),
        vt.expect("uv").to_f64_vec(),
    );
    let k = m.min(n);
    let mut parts = Vec::new();
    for b in 0..st.mats.len() {
        let sv = &s[b * k..(b + 1) * k];
        let cutoff = rcond * sv.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let inv: Vec<f64> = sv
            .iter()
            .map(|&x| if x > cutoff { 1.0 / x } else { 0.0 })
            .collect();
        // vt: k×n, u: m×k; result n×m = vtᵀ · (inv[:, None] * uᵀ).
        let (ub, vb) = (
            &u[b * m * k..(b + 1) * m * k],
            &vt[b * k * n..(b + 1) * k * n],
        );
        let lhs = Chunk::from_vec(
            (0..n * k).map(|p| vb[(p % k) * n + p / k]).collect(),
            &[n, k],
        )?;
        let rhs = Chunk::from_vec(
            (0..k * m)
                .map(|p| inv[p / m] * ub[(p % m) * k + p / m])
                .collect(),
            &[k, m],
        )?;
        parts.push(super::linalg::matmul2(&lhs, &rhs)?.to_f64_vec());
    }
    build(&st.batch, &[n, m], parts, dt)
}

/// `np.linalg.matrix_rank(A, tol=None)`: singular values above
/// `tol` (default `max(s) * max(M, N) * eps`).
pub fn matrix_rank(a: &Chunk, tol: Option<f64>) -> Result<Chunk> {
    if a.ndim() < 2 {
        let nonzero = a.to_f64_vec().iter().any(|&x| x != 0.0);
        return Chunk::from_vec(vec![nonzero as i64], &[]);
    }
    let (_, s, _) = svd(a, false, false)?;
    let nd = a.ndim();
    let (m, n) = (a.shape()[nd - 2], a.shape()[nd - 1]);
    let k = m.min(n);
    let sv = s.to_f64_vec();
    let counts: Vec<i64> = sv
        .chunks(k.max(1))
        .map(|row| {
            let t = tol.unwrap_or_else(|| {
                row.iter().cloned().fold(0.0, f64::max) * m.max(n) as f64 * f64::EPSILON
            });
            row.iter().filter(|&&x| x > t).count() as i64
        })
        .collect();
    Chunk::from_vec(counts, &a.shape()[..nd - 2])
}

/// `np.linalg.matrix_power(a, n)` by repeated squaring, as NumPy does.
pub fn matrix_power(a: &Chunk, n: i64) -> Result<Chunk> {
    let s = square(a)?;
    let size = s.rows;
    if n == 0 {
        let eye = Chunk::eye(size, None, 0, a.dtype())?;
        let mut out = Vec::new();
        for _ in 0..s.mats.len() {
            out.push(eye.clone());
        }
        return stack_of(&out, a.shape());
    }
    let base = if n < 0 {
        super::nplinalg::inv(a)?
    } else {
        a.clone()
    };
    let mm = |x: &Chunk, y: &Chunk| matmul_stack(x, y);
    let mut k = n.unsigned_abs();
    match k {
        1 => return Ok(base),
        2 => return mm(&base, &base),
        3 => return mm(&mm(&base, &base)?, &base),
        _ => {}
    }
    let (mut z, mut result): (Option<Chunk>, Option<Chunk>) = (None, None);
    while k > 0 {
        z = Some(match z {
            None => base.clone(),
            Some(z) => mm(&z, &z)?,
        });
        let bit = k % 2;
        k /= 2;
        if bit == 1 {
            let zz = z.as_ref().expect("set");
            result = Some(match result {
                None => zz.clone(),
                Some(r) => mm(&r, zz)?,
            });
        }
    }
    Ok(result.expect("n > 0"))
}

/// `x @ y` for two stacks of the same shape of square matrices.
fn matmul_stack(x: &Chunk, y: &Chunk) -> Result<Chunk> {
    if x.ndim() == 2 {
        return super::linalg::matmul2(x, y);
    }
    let nd = x.ndim();
    let count: usize = x.shape()[..nd - 2].iter().product();
    let mut out = Vec::new();
    for i in 0..count {
        let pick = |c: &Chunk| -> Result<Chunk> {
            let flat = super::reshape(
                c,
                &[-1, c.shape()[nd - 2] as isize, c.shape()[nd - 1] as isize],
            )?;
            super::slice(&flat, &[super::IndexElem::Index(i as isize)])
        };
        out.push(super::linalg::matmul2(&pick(x)?, &pick(y)?)?);
    }
    stack_of(&out, x.shape())
}

fn stack_of(mats: &[Chunk], shape: &[usize]) -> Result<Chunk> {
    let dt = mats.first().map_or(DType::Float64, Chunk::dtype);
    let joined = super::concatenate(mats, 0)?;
    let target: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    super::reshape(&joined, &target)?.astype(dt)
}

/// The `ord` argument of `np.linalg.norm`.
#[derive(Debug, Clone, PartialEq)]
pub enum NormOrd {
    /// `None`
    Default,
    /// A number (`inf`/`-inf` included).
    P(f64),
    /// A string (`'fro'`, `'f'`, `'nuc'`; others are refused).
    Str(String),
}

fn abs(x: &Chunk) -> Result<Chunk> {
    unary(UnaryOp::Abs, x)
}

fn sum(x: &Chunk, axes: &[isize], keepdims: bool) -> Result<Chunk> {
    reduce(x, ReduceOp::Sum, Some(axes), keepdims, 0)
}

fn extreme(x: &Chunk, axis: isize, max: bool, keepdims: bool) -> Result<Chunk> {
    if x.size() == 0 && max {
        let ax = [super::norm_axis(axis, x.ndim())?];
        let shape = if keepdims {
            super::keepdims_shape(x.shape(), &ax)
        } else {
            super::squeezed_shape(x.shape(), &ax)
        };
        return Chunk::full(&shape, Scalar::F64(0.0).astype(x.dtype()), x.dtype());
    }
    let op = if max { ReduceOp::Max } else { ReduceOp::Min };
    reduce(x, op, Some(&[axis]), keepdims, 0)
}

/// `np.linalg.norm(x, ord=None, axis=None, keepdims=False)`.
pub fn norm(x: &Chunk, ord: &NormOrd, axis: Option<&[isize]>, keepdims: bool) -> Result<Chunk> {
    let x = if x.dtype().is_float() {
        x.clone()
    } else {
        x.astype(DType::Float64)?
    };
    let nd = x.ndim();
    if axis.is_none() {
        let fro = matches!(ord, NormOrd::Str(s) if (s == "f" || s == "fro") && nd == 2);
        if *ord == NormOrd::Default || fro || (*ord == NormOrd::P(2.0) && nd == 1) {
            let v = x.to_f64_vec();
            let r = dot_self(&v).sqrt();
            let shape = if keepdims { vec![1; nd] } else { vec![] };
            return Chunk::from_vec(vec![r], &shape)?.astype(x.dtype());
        }
    }
    let all: Vec<isize> = (0..nd as isize).collect();
    let axes = axis.unwrap_or(&all);
    match axes.len() {
        1 => vector_norm(&x, ord, axes[0], keepdims),
        2 => matrix_norm(&x, ord, axes, keepdims),
        _ => Err(ChunkError::Value(
            "Improper number of dimensions to norm.".into(),
        )),
    }
}

/// `x · x` by OpenBLAS's `ddot`, as NumPy's `x.dot(x)` computes it.
fn dot_self(v: &[f64]) -> f64 {
    super::linalg::blas_on_calling_thread();
    // SAFETY: one contiguous slice read with stride 1.
    unsafe { cblas_sys::cblas_ddot(v.len() as i32, v.as_ptr(), 1, v.as_ptr(), 1) }
}

fn vector_norm(x: &Chunk, ord: &NormOrd, axis: isize, keepdims: bool) -> Result<Chunk> {
    let ax = [axis];
    match ord {
        NormOrd::P(p) if *p == f64::INFINITY => extreme(&abs(x)?, axis, true, keepdims),
        NormOrd::P(p) if *p == f64::NEG_INFINITY => extreme(&abs(x)?, axis, false, keepdims),
        NormOrd::P(p) if *p == 0.0 => {
            let nz = binary(BinaryOp::Ne, x, &Chunk::from_scalar(Scalar::F64(0.0)))?;
            sum(&nz.astype(x.dtype())?, &ax, keepdims)
        }
        NormOrd::P(p) if *p == 1.0 => sum(&abs(x)?, &ax, keepdims),
        NormOrd::Default | NormOrd::P(_) if matches!(ord, NormOrd::Default | NormOrd::P(2.0)) => {
            let sq = binary(BinaryOp::Mul, x, x)?;
            unary(UnaryOp::Sqrt, &sum(&sq, &ax, keepdims)?)
        }
        NormOrd::Str(s) => Err(ChunkError::Value(format!(
            "Invalid norm order '{s}' for vectors"
        ))),
        NormOrd::P(p) => {
            let dt = x.dtype();
            let pw = |c: &Chunk, e: f64| {
                binary(
                    BinaryOp::Pow,
                    c,
                    &Chunk::from_scalar(Scalar::F64(e)).astype(dt)?,
                )
            };
            let s = sum(&pw(&abs(x)?, *p)?, &ax, keepdims)?;
            pw(&s, 1.0 / p)
        }
        NormOrd::Default => unreachable!("handled with ord 2"),
    }
}

fn matrix_norm(x: &Chunk, ord: &NormOrd, axes: &[isize], keepdims: bool) -> Result<Chunk> {
    let nd = x.ndim();
    let (row, col) = (
        super::norm_axis(axes[0], nd)?,
        super::norm_axis(axes[1], nd)?,
    );
    if row == col {
        return Err(ChunkError::Value("Duplicate axes given.".into()));
    }
    let (r, c) = (row as isize, col as isize);
    let ret = match ord {
        NormOrd::P(p) if p.abs() == 2.0 => {
            svd_norm(x, row, col, if *p > 0.0 { "max" } else { "min" })?
        }
        NormOrd::P(p) if p.abs() == 1.0 => {
            let c2 = if c > r { c - 1 } else { c };
            extreme(&sum(&abs(x)?, &[r], false)?, c2, *p > 0.0, false)?
        }
        NormOrd::P(p) if p.is_infinite() => {
            let r2 = if r > c { r - 1 } else { r };
            extreme(&sum(&abs(x)?, &[c], false)?, r2, *p > 0.0, false)?
        }
        NormOrd::Default => frobenius(x, r, c)?,
        NormOrd::Str(s) if s == "fro" || s == "f" => frobenius(x, r, c)?,
        NormOrd::Str(s) if s == "nuc" => svd_norm(x, row, col, "sum")?,
        _ => return Err(ChunkError::Value("Invalid norm order for matrices.".into())),
    };
    if keepdims {
        let mut shape: Vec<isize> = x.shape().iter().map(|&d| d as isize).collect();
        shape[row] = 1;
        shape[col] = 1;
        return super::reshape(&ret, &shape);
    }
    Ok(ret)
}

fn frobenius(x: &Chunk, r: isize, c: isize) -> Result<Chunk> {
    let sq = binary(BinaryOp::Mul, x, x)?;
    unary(UnaryOp::Sqrt, &sum(&sq, &[r, c], false)?)
}

/// A function of the singular values of the matrices on axes `(row, col)`.
fn svd_norm(x: &Chunk, row: usize, col: usize, op: &str) -> Result<Chunk> {
    let nd = x.ndim();
    let mut perm: Vec<isize> = (0..nd)
        .filter(|&a| a != row && a != col)
        .map(|a| a as isize)
        .collect();
    perm.extend([row as isize, col as isize]);
    let y = super::transpose(x, Some(&perm))?;
    let (_, s, _) = svd(&y, false, false)?;
    let s = s.astype(x.dtype())?;
    let last = s.ndim() as isize - 1;
    match op {
        "max" => extreme(&s, last, true, false),
        "min" => extreme(&s, last, false, false),
        _ => sum(&s, &[last], false),
    }
}

#[cfg(test)]
#[path = "nplinalg_more_tests.rs"]
mod tests;
