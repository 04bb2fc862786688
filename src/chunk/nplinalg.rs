//! `numpy.linalg` over chunks: NumPy's argument checks, dtype rules and
//! messages around the LAPACK calls in [`super::lapack`], for single matrices
//! and stacks `(..., M, N)` alike (each matrix of a stack is one call, as in
//! NumPy's gufuncs). Like NumPy's "lite" linalg every computation is in double
//! precision; all-float32 inputs give float32 results.

use super::error::{ChunkError, Result};
use super::lapack::{self, ColMat};
use super::{Chunk, DType};

/// The matrices of a `(..., M, N)` chunk, each column-major in f64.
pub(crate) struct Stack {
    /// The leading (stack) shape.
    pub batch: Vec<usize>,
    /// Rows of each matrix.
    pub rows: usize,
    /// Columns of each matrix.
    pub cols: usize,
    /// One matrix per stack position, in C order of the stack.
    pub mats: Vec<ColMat>,
}

/// `LinAlgError` with NumPy's message.
pub fn linalg_error(msg: impl Into<String>) -> ChunkError {
    ChunkError::LinAlg(msg.into())
}

fn supported(c: &Chunk) -> Result<()> {
    if c.dtype().is_complex() {
        return Err(ChunkError::DType(
            "complex input to numpy.linalg is not supported by Tessera yet".into(),
        ));
    }
    Ok(())
}

/// NumPy's result dtype: float32 if every input is float32, else float64.
pub(crate) fn result_dtype(inputs: &[&Chunk]) -> DType {
    if inputs.iter().all(|c| c.dtype() == DType::Float32) {
        DType::Float32
    } else {
        DType::Float64
    }
}

/// Split a chunk of at least two dimensions into its matrices.
pub(crate) fn stack(c: &Chunk) -> Result<Stack> {
    supported(c)?;
    let nd = c.ndim();
    if nd < 2 {
        return Err(linalg_error(format!(
            "{nd}-dimensional array given. Array must be at least two-dimensional"
        )));
    }
    let (rows, cols) = (c.shape()[nd - 2], c.shape()[nd - 1]);
    let batch = c.shape()[..nd - 2].to_vec();
    let flat = c.to_f64_vec();
    let per = rows * cols;
    let count: usize = batch.iter().product();
    let mats = (0..count)
        .map(|i| ColMat::from_rows(rows, cols, &flat[i * per..(i + 1) * per]))
        .collect();
    Ok(Stack {
        batch,
        rows,
        cols,
        mats,
    })
}

/// Like [`stack`], requiring square matrices.
pub(crate) fn square(c: &Chunk) -> Result<Stack> {
    let s = stack(c)?;
    if s.rows != s.cols {
        return Err(linalg_error(
            "Last 2 dimensions of the array must be square",
        ));
    }
    Ok(s)
}

fn assert_finite(s: &Stack) -> Result<()> {
    if s.mats.iter().all(|m| m.data.iter().all(|x| x.is_finite())) {
        Ok(())
    } else {
        Err(linalg_error("Array must not contain infs or NaNs"))
    }
}

/// A chunk of shape `batch + tail` from per-matrix row-major values.
pub(crate) fn build(
    batch: &[usize],
    tail: &[usize],
    parts: Vec<Vec<f64>>,
    dt: DType,
) -> Result<Chunk> {
    let shape: Vec<usize> = batch.iter().chain(tail).copied().collect();
    let data: Vec<f64> = parts.into_iter().flatten().collect();
    Chunk::from_vec(data, &shape)?.astype(dt)
}

/// `np.linalg.inv`: `gesv` against the identity, as NumPy does.
pub fn inv(a: &Chunk) -> Result<Chunk> {
    let s = square(a)?;
    let n = s.rows;
    let parts = s
        .mats
        .into_iter()
        .map(|m| {
            lapack::gesv(m, ColMat::eye(n))
                .map(|x| x.to_rows())
                .map_err(|_| linalg_error("Singular matrix"))
        })
        .collect::<Result<Vec<_>>>()?;
    build(&s.batch, &[n, n], parts, result_dtype(&[a]))
}

/// `np.linalg.solve(a, b)`: `b` of one dimension is a vector; otherwise
/// `(..., M, K)` with the same stack shape as `a` (or none).
pub fn solve(a: &Chunk, b: &Chunk) -> Result<Chunk> {
    let sa = square(a)?;
    supported(b)?;
    let n = sa.rows;
    let dt = result_dtype(&[a, b]);
    let vector = b.ndim() == 1;
    let core_mismatch = |dim: usize, got: usize| {
        let sig = if vector {
            "(m,m),(m)->(m)"
        } else {
            "(m,m),(m,n)->(m,n)"
        };
        ChunkError::Value(format!(
            "solve{}: Input operand 1 has a mismatch in its core dimension {dim}, with gufunc \
             signature {sig} (size {got} is different from {n})",
            if vector { "1" } else { "" }
        ))
    };
    let bmats: Vec<ColMat> = if vector {
        if b.shape()[0] != n {
            return Err(core_mismatch(0, b.shape()[0]));
        }
        vec![ColMat::from_rows(n, 1, &b.to_f64_vec()); sa.mats.len()]
    } else {
        let sb = stack(b)?;
        if sb.rows != n {
            return Err(core_mismatch(0, sb.rows));
        }
        if sb.batch == sa.batch {
            sb.mats
        } else if sb.batch.is_empty() {
            vec![sb.mats[0].clone(); sa.mats.len()]
        } else {
            return Err(ChunkError::Value(format!(
                "solve: stack shapes {:?} and {:?} differ (Tessera does not broadcast stacks)",
                sa.batch, sb.batch
            )));
        }
    };
    let k = bmats.first().map_or(1, |m| m.cols);
    let parts = sa
        .mats
        .into_iter()
        .zip(bmats)
        .map(|(m, r)| {
            lapack::gesv(m, r)
                .map(|x| x.to_rows())
                .map_err(|_| linalg_error("Singular matrix"))
        })
        .collect::<Result<Vec<_>>>()?;
    let tail: Vec<usize> = if vector { vec![n] } else { vec![n, k] };
    build(&sa.batch, &tail, parts, dt)
}

/// `(sign, log|det|)` of one matrix from its LU factors, as NumPy computes it.
fn slogdet_one(m: ColMat) -> (f64, f64) {
    let n = m.rows;
    match lapack::getrf(m) {
        Ok((lu, piv)) => {
            let mut sign = 1.0;
            let mut log = 0.0;
            for (i, &p) in piv.iter().enumerate().take(n) {
                if p as usize != i + 1 {
                    sign = -sign;
                }
                let d = lu.at(i, i);
                if d < 0.0 {
                    sign = -sign;
                }
                log += d.abs().ln();
            }
            (sign, log)
        }
        Err(_) => (0.0, f64::NEG_INFINITY),
    }
}

/// `np.linalg.slogdet`: `(sign, logabsdet)`.
pub fn slogdet(a: &Chunk) -> Result<(Chunk, Chunk)> {
    let s = square(a)?;
    let dt = result_dtype(&[a]);
    let (signs, logs): (Vec<Vec<f64>>, Vec<Vec<f64>>) = s
        .mats
        .into_iter()
        .map(|m| {
            let (sg, l) = slogdet_one(m);
            (vec![sg], vec![l])
        })
        .unzip();
    Ok((
        build(&s.batch, &[], signs, dt)?,
        build(&s.batch, &[], logs, dt)?,
    ))
}

/// `np.linalg.det`: `sign * exp(logabsdet)`, NumPy's formula (so
/// `det([[1, 2], [3, 4]])` is `-2.0000000000000004` here too).
pub fn det(a: &Chunk) -> Result<Chunk> {
    let s = square(a)?;
    let parts = s
        .mats
        .into_iter()
        .map(|m| {
            let (sg, l) = slogdet_one(m);
            vec![sg * l.exp()]
        })
        .collect();
    build(&s.batch, &[], parts, result_dtype(&[a]))
}

/// Eigen-decomposition results with possibly complex values: real and
/// imaginary parts as float chunks of the same shape.
#[derive(Debug, Clone)]
pub struct Parts {
    /// Real parts.
    pub re: Chunk,
    /// Imaginary parts (all zero for real results).
    pub im: Chunk,
    /// Whether any imaginary part is non-zero (NumPy then returns complex).
    pub complex: bool,
}

/// `np.linalg.eig` (`vectors`) or `eigvals`: `geev`'s eigenvalues and right
/// eigenvectors (columns), unpacked from LAPACK's conjugate-pair form.
pub fn eig(a: &Chunk, vectors: bool) -> Result<(Parts, Option<Parts>)> {
    let s = square(a)?;
    assert_finite(&s)?;
    let n = s.rows;
    let mut w = (Vec::new(), Vec::new());
    let mut v = (Vec::new(), Vec::new());
    for m in s.mats {
        let (wr, wi, vr) =
            lapack::geev(m, vectors).map_err(|_| linalg_error("Eigenvalues did not converge"))?;
        if vectors {
            let (mut re, mut im) = (vec![0.0; n * n], vec![0.0; n * n]);
            let mut j = 0;
            while j < n {
                if wi[j] == 0.0 || j + 1 == n {
                    (0..n).for_each(|i| re[i * n + j] = vr.at(i, j));
                    j += 1;
                } else {
                    for i in 0..n {
                        let (x, y) = (vr.at(i, j), vr.at(i, j + 1));
                        re[i * n + j] = x;
                        im[i * n + j] = y;
                        re[i * n + j + 1] = x;
                        im[i * n + j + 1] = -y;
                    }
                    j += 2;
                }
            }
            v.0.push(re);
            v.1.push(im);
        }
        w.0.push(wr);
        w.1.push(wi);
    }
    let complex = w.1.iter().flatten().any(|&x| x != 0.0);
    let dt = result_dtype(&[a]);
    let values = Parts {
        re: build(&s.batch, &[n], w.0, dt)?,
        im: build(&s.batch, &[n], w.1, dt)?,
        complex,
    };
    let vecs = if vectors {
        Some(Parts {
            re: build(&s.batch, &[n, n], v.0, dt)?,
            im: build(&s.batch, &[n, n], v.1, dt)?,
            complex,
        })
    } else {
        None
    };
    Ok((values, vecs))
}

/// `np.linalg.eigh` (`vectors`) or `eigvalsh` with `UPLO` `'L'` or `'U'`:
/// ascending eigenvalues of a symmetric matrix (`syevd`).
pub fn eigh(a: &Chunk, uplo: &str, vectors: bool) -> Result<(Chunk, Option<Chunk>)> {
    let u = match uplo {
        "L" | "l" => b'L',
        "U" | "u" => b'U',
        _ => return Err(ChunkError::Value("UPLO argument must be 'L' or 'U'".into())),
    };
    let s = square(a)?;
    let n = s.rows;
    let (mut ws, mut vs) = (Vec::new(), Vec::new());
    for m in s.mats {
        let (w, v) = lapack::syevd(m, vectors, u)
            .map_err(|_| linalg_error("Eigenvalues did not converge"))?;
        ws.push(w);
        vs.push(v.to_rows());
    }
    let dt = result_dtype(&[a]);
    let w = build(&s.batch, &[n], ws, dt)?;
    let v = if vectors {
        Some(build(&s.batch, &[n, n], vs, dt)?)
    } else {
        None
    };
    Ok((w, v))
}

/// `np.linalg.svd`: `(U, S, Vh)` via `gesdd` (`None` U/Vh when not `compute_uv`).
pub fn svd(
    a: &Chunk,
    full_matrices: bool,
    compute_uv: bool,
) -> Result<(Option<Chunk>, Chunk, Option<Chunk>)> {
    let s = stack(a)?;
    let (m, n) = (s.rows, s.cols);
    let k = m.min(n);
    let job = match (compute_uv, full_matrices) {
        (false, _) => b'N',
        (true, true) => b'A',
        (true, false) => b'S',
    };
    let (mut us, mut ss, mut vs) = (Vec::new(), Vec::new(), Vec::new());
    for mat in s.mats {
        let (u, sv, vt) =
            lapack::gesdd(mat, job).map_err(|_| linalg_error("SVD did not converge"))?;
        us.push(u.to_rows());
        ss.push(sv);
        vs.push(vt.to_rows());
    }
    let dt = result_dtype(&[a]);
    let sv = build(&s.batch, &[k], ss, dt)?;
    if !compute_uv {
        return Ok((None, sv, None));
    }
    let (uc, vr) = if full_matrices { (m, n) } else { (k, k) };
    Ok((
        Some(build(&s.batch, &[m, uc], us, dt)?),
        sv,
        Some(build(&s.batch, &[vr, n], vs, dt)?),
    ))
}

/// `np.linalg.qr` with `mode` `'reduced'`, `'complete'` or `'r'`: `(Q, R)`
/// (`None` Q for `'r'`), by `geqrf` then `orgqr` as NumPy does.
pub fn qr(a: &Chunk, mode: &str) -> Result<(Option<Chunk>, Chunk)> {
    if !matches!(mode, "reduced" | "complete" | "r") {
        return Err(ChunkError::Value(format!(
            "Unrecognized mode '{mode}'{}",
            if matches!(mode, "raw" | "economic" | "full" | "f" | "e") {
                " (not supported by Tessera)"
            } else {
                ""
            }
        )));
    }
    let s = stack(a)?;
    let (m, n) = (s.rows, s.cols);
    let k = m.min(n);
    let mc = if mode == "complete" && m > n { m } else { k };
    let rrows = if mode == "r" { k } else { mc };
    let (mut qs, mut rs) = (Vec::new(), Vec::new());
    let err = |_| linalg_error("Incorrect argument found while performing QR factorization");
    for mat in s.mats {
        let (f, tau) = lapack::geqrf(mat).map_err(err)?;
        let mut r = vec![0.0; rrows * n];
        for i in 0..rrows {
            for j in i..n {
                r[i * n + j] = f.at(i, j);
            }
        }
        rs.push(r);
        if mode != "r" {
            let mut q = ColMat::zeros(m, mc);
            for j in 0..mc.min(n) {
                for i in 0..m {
                    q.data[i + j * m] = f.at(i, j);
                }
            }
            qs.push(lapack::orgqr(q, &tau).map_err(err)?.to_rows());
        }
    }
    let dt = result_dtype(&[a]);
    let r = build(&s.batch, &[rrows, n], rs, dt)?;
    if mode == "r" {
        return Ok((None, r));
    }
    Ok((Some(build(&s.batch, &[m, mc], qs, dt)?), r))
}

/// `np.linalg.cholesky`: the lower (or, with `upper`, upper) factor by `potrf`.
pub fn cholesky(a: &Chunk, upper: bool) -> Result<Chunk> {
    let s = square(a)?;
    let n = s.rows;
    let mut parts = Vec::new();
    for m in s.mats {
        let l = lapack::potrf(m, if upper { b'U' } else { b'L' })
            .map_err(|_| linalg_error("Matrix is not positive definite"))?;
        let mut out = vec![0.0; n * n];
        for i in 0..n {
            for j in 0..n {
                if (upper && j >= i) || (!upper && j <= i) {
                    out[i * n + j] = l.at(i, j);
                }
            }
        }
        parts.push(out);
    }
    build(&s.batch, &[n, n], parts, result_dtype(&[a]))
}

#[cfg(test)]
#[path = "nplinalg_tests.rs"]
mod tests;
