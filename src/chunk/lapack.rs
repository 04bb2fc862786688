//! Safe wrappers over the LAPACK routines NumPy's `umath_linalg` calls, on one
//! column-major (Fortran-order) `f64` matrix at a time. The declarations come
//! from `lapack-sys`; the symbols from Debian's OpenBLAS (linked by `build.rs`).
//!
//! Each wrapper takes its inputs by value (LAPACK overwrites them), queries
//! the workspace size first (`lwork = -1`) as NumPy does, and returns LAPACK's
//! `info` as an error code for the caller to word.

use lapack_sys as sys;
use std::ffi::{c_char, c_int};

/// A column-major matrix: element (i, j) at `data[i + j * rows]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ColMat {
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// `rows * cols` values, column by column.
    pub data: Vec<f64>,
}

impl ColMat {
    /// A zero matrix.
    pub fn zeros(rows: usize, cols: usize) -> ColMat {
        ColMat {
            rows,
            cols,
            data: vec![0.0; rows * cols],
        }
    }

    /// The identity matrix of size `n`.
    pub fn eye(n: usize) -> ColMat {
        let mut m = ColMat::zeros(n, n);
        for i in 0..n {
            m.data[i + i * n] = 1.0;
        }
        m
    }

    /// From row-major values (C order).
    pub fn from_rows(rows: usize, cols: usize, c_order: &[f64]) -> ColMat {
        let mut m = ColMat::zeros(rows, cols);
        for i in 0..rows {
            for j in 0..cols {
                m.data[i + j * rows] = c_order[i * cols + j];
            }
        }
        m
    }

    /// Element (i, j).
    pub fn at(&self, i: usize, j: usize) -> f64 {
        self.data[i + j * self.rows]
    }

    /// Row-major values (C order).
    pub fn to_rows(&self) -> Vec<f64> {
        let mut v = Vec::with_capacity(self.rows * self.cols);
        for i in 0..self.rows {
            for j in 0..self.cols {
                v.push(self.at(i, j));
            }
        }
        v
    }

    /// The leading dimension LAPACK wants (at least 1).
    fn ld(&self) -> c_int {
        self.rows.max(1) as c_int
    }
}

/// Keep OpenBLAS's own threads out (see `linalg::blas_on_calling_thread`).
fn prepare() {
    super::linalg::blas_on_calling_thread();
}

fn ch(c: u8) -> c_char {
    c as c_char
}

fn check(info: c_int) -> Result<(), c_int> {
    if info == 0 {
        Ok(())
    } else {
        Err(info)
    }
}

/// LAPACK's two-call protocol: ask `run` for its optimal workspace size
/// (`lwork = -1`), then run it with a workspace of that size.
fn with_workspace(mut run: impl FnMut(&mut [f64], c_int, &mut c_int)) -> Result<(), c_int> {
    let mut info = 0;
    let mut q = [0.0f64];
    run(&mut q, -1, &mut info);
    check(info)?;
    let mut work = vec![0.0; work_len(q[0])];
    let lw = work.len() as c_int;
    run(&mut work, lw, &mut info);
    check(info)
}

fn work_len(w: f64) -> usize {
    (w as usize).max(1)
}

/// `dgetrf`: LU factorisation in place. Returns the factors and 1-based pivots;
/// `info > 0` (an exact zero pivot) is returned as `Err` with the factors lost.
pub fn getrf(mut a: ColMat) -> Result<(ColMat, Vec<c_int>), c_int> {
    prepare();
    let (m, n) = (a.rows as c_int, a.cols as c_int);
    let mut ipiv = vec![0 as c_int; a.rows.min(a.cols)];
    let mut info = 0;
    let lda = a.ld();
    // SAFETY: buffers sized as LAPACK documents for an m×n matrix.
    unsafe {
        sys::dgetrf_(
            &m,
            &n,
            a.data.as_mut_ptr(),
            &lda,
            ipiv.as_mut_ptr(),
            &mut info,
        )
    };
    check(info).map(|_| (a, ipiv))
}

/// `dgesv`: solve `a x = b` (a square). `info > 0`: singular.
pub fn gesv(mut a: ColMat, mut b: ColMat) -> Result<ColMat, c_int> {
    prepare();
    let (n, nrhs) = (a.rows as c_int, b.cols as c_int);
    let mut ipiv = vec![0 as c_int; a.rows];
    let (lda, ldb) = (a.ld(), b.ld());
    let mut info = 0;
    // SAFETY: a is n×n, b is n×nrhs, ipiv has n entries.
    unsafe {
        sys::dgesv_(
            &n,
            &nrhs,
            a.data.as_mut_ptr(),
            &lda,
            ipiv.as_mut_ptr(),
            b.data.as_mut_ptr(),
            &ldb,
            &mut info,
        )
    };
    check(info).map(|_| b)
}

/// `dgeev` with `jobvl='N'`: eigenvalues `(wr, wi)` and, when `vectors`, the
/// right eigenvectors in LAPACK's packed real form (a complex pair j, j+1 is
/// `v[:, j] ± i v[:, j+1]`). `info > 0`: QR iteration did not converge.
pub fn geev(mut a: ColMat, vectors: bool) -> Result<(Vec<f64>, Vec<f64>, ColMat), c_int> {
    prepare();
    let n = a.rows;
    let (nn, lda) = (n as c_int, a.ld());
    let (mut wr, mut wi) = (vec![0.0; n], vec![0.0; n]);
    let mut vr = if vectors {
        ColMat::zeros(n, n)
    } else {
        ColMat::zeros(1, 1)
    };
    let mut vl = [0.0f64; 1];
    let (jobvl, jobvr) = (ch(b'N'), ch(if vectors { b'V' } else { b'N' }));
    let (ldvl, ldvr) = (1 as c_int, if vectors { lda } else { 1 });
    let run = |work: &mut [f64], lwork: c_int, info: &mut c_int| {
        // SAFETY: a is n×n, wr/wi have n entries, vr is n×n when jobvr='V'.
        unsafe {
            sys::dgeev_(
                &jobvl,
                &jobvr,
                &nn,
                a.data.as_mut_ptr(),
                &lda,
                wr.as_mut_ptr(),
                wi.as_mut_ptr(),
                vl.as_mut_ptr(),
                &ldvl,
                vr.data.as_mut_ptr(),
                &ldvr,
                work.as_mut_ptr(),
                &lwork,
                info,
            )
        }
    };
    with_workspace(run).map(|_| (wr, wi, vr))
}

/// `dsyevd` on the `uplo` (`b'L'`/`b'U'`) triangle: ascending eigenvalues and,
/// when `vectors`, orthonormal eigenvectors as columns.
pub fn syevd(mut a: ColMat, vectors: bool, uplo: u8) -> Result<(Vec<f64>, ColMat), c_int> {
    prepare();
    let n = a.rows;
    let (nn, lda) = (n as c_int, a.ld());
    let mut w = vec![0.0; n];
    let (jobz, uplo) = (ch(if vectors { b'V' } else { b'N' }), ch(uplo));
    let mut info = 0;
    let mut run =
        |work: &mut [f64], lwork: c_int, iwork: &mut [c_int], liwork: c_int, info: &mut c_int| {
            // SAFETY: a is n×n, w has n entries, work sizes from the query.
            unsafe {
                sys::dsyevd_(
                    &jobz,
                    &uplo,
                    &nn,
                    a.data.as_mut_ptr(),
                    &lda,
                    w.as_mut_ptr(),
                    work.as_mut_ptr(),
                    &lwork,
                    iwork.as_mut_ptr(),
                    &liwork,
                    info,
                )
            }
        };
    let (mut q, mut iq) = ([0.0f64], [0 as c_int]);
    run(&mut q, -1, &mut iq, -1, &mut info);
    check(info)?;
    let mut work = vec![0.0; work_len(q[0])];
    let mut iwork = vec![0 as c_int; (iq[0] as usize).max(1)];
    let (lw, liw) = (work.len() as c_int, iwork.len() as c_int);
    run(&mut work, lw, &mut iwork, liw, &mut info);
    check(info).map(|_| (w, a))
}

/// What `gesdd` computes: `b'A'` full U/Vᵀ, `b'S'` reduced, `b'N'` values only.
pub fn gesdd(mut a: ColMat, jobz: u8) -> Result<(ColMat, Vec<f64>, ColMat), c_int> {
    prepare();
    let (m, n) = (a.rows, a.cols);
    let k = m.min(n);
    let (uc, vtr) = match jobz {
        b'A' => (m, n),
        b'S' => (k, k),
        _ => (0, 0),
    };
    let mut s = vec![0.0; k];
    let mut u = ColMat::zeros(if uc > 0 { m } else { 1 }, uc.max(1));
    let mut vt = ColMat::zeros(vtr.max(1), if vtr > 0 { n } else { 1 });
    let (mm, nn, lda, ldu, ldvt) = (m as c_int, n as c_int, a.ld(), u.ld(), vt.ld());
    let job = ch(jobz);
    let mut iwork = vec![0 as c_int; 8 * k.max(1)];
    let run = |work: &mut [f64], lwork: c_int, info: &mut c_int| {
        // SAFETY: sizes follow dgesdd's documentation for this jobz.
        unsafe {
            sys::dgesdd_(
                &job,
                &mm,
                &nn,
                a.data.as_mut_ptr(),
                &lda,
                s.as_mut_ptr(),
                u.data.as_mut_ptr(),
                &ldu,
                vt.data.as_mut_ptr(),
                &ldvt,
                work.as_mut_ptr(),
                &lwork,
                iwork.as_mut_ptr(),
                info,
            )
        }
    };
    with_workspace(run).map(|_| (u, s, vt))
}

/// `dgeqrf`: the QR factorisation in LAPACK's compact form (R in the upper
/// triangle, reflectors below) and the reflector scales `tau`.
pub fn geqrf(mut a: ColMat) -> Result<(ColMat, Vec<f64>), c_int> {
    prepare();
    let (m, n, lda) = (a.rows as c_int, a.cols as c_int, a.ld());
    let mut tau = vec![0.0; a.rows.min(a.cols)];
    let run = |work: &mut [f64], lwork: c_int, info: &mut c_int| {
        // SAFETY: a is m×n, tau has min(m, n) entries.
        unsafe {
            sys::dgeqrf_(
                &m,
                &n,
                a.data.as_mut_ptr(),
                &lda,
                tau.as_mut_ptr(),
                work.as_mut_ptr(),
                &lwork,
                info,
            )
        }
    };
    with_workspace(run).map(|_| (a, tau))
}

/// `dorgqr`: the first `a.cols` columns of Q from `k` reflectors stored in `a`.
pub fn orgqr(mut a: ColMat, tau: &[f64]) -> Result<ColMat, c_int> {
    prepare();
    let (m, n, k, lda) = (a.rows as c_int, a.cols as c_int, tau.len() as c_int, a.ld());
    let run = |work: &mut [f64], lwork: c_int, info: &mut c_int| {
        // SAFETY: a is m×n with n ≥ k reflectors, tau has k entries.
        unsafe {
            sys::dorgqr_(
                &m,
                &n,
                &k,
                a.data.as_mut_ptr(),
                &lda,
                tau.as_ptr(),
                work.as_mut_ptr(),
                &lwork,
                info,
            )
        }
    };
    with_workspace(run).map(|_| a)
}

/// `dpotrf` on the `uplo` triangle; `info > 0`: not positive definite.
pub fn potrf(mut a: ColMat, uplo: u8) -> Result<ColMat, c_int> {
    prepare();
    let (n, lda, uplo) = (a.rows as c_int, a.ld(), ch(uplo));
    let mut info = 0;
    // SAFETY: a is n×n.
    unsafe { sys::dpotrf_(&uplo, &n, a.data.as_mut_ptr(), &lda, &mut info) };
    check(info).map(|_| a)
}

/// What `gelsd` returns: the solution block (`max(m, n)` rows), the rank and
/// the singular values of `a`.
pub struct Lstsq {
    /// `b` overwritten: rows `..n` hold x, rows `n..m` the residual parts.
    pub b: ColMat,
    /// The effective rank.
    pub rank: usize,
    /// Singular values, descending.
    pub s: Vec<f64>,
}

/// `dgelsd`: minimum-norm least squares with singular values below
/// `rcond * s_max` treated as zero. `b` must have `max(m, n)` rows.
pub fn gelsd(mut a: ColMat, mut b: ColMat, rcond: f64) -> Result<Lstsq, c_int> {
    prepare();
    let (m, n, nrhs) = (a.rows as c_int, a.cols as c_int, b.cols as c_int);
    let (lda, ldb) = (a.ld(), b.ld());
    let mut s = vec![0.0; a.rows.min(a.cols)];
    let mut rank: c_int = 0;
    let mut info = 0;
    let mut run = |work: &mut [f64], lwork: c_int, iwork: &mut [c_int], info: &mut c_int| {
        // SAFETY: a is m×n, b is max(m,n)×nrhs, s has min(m,n) entries.
        unsafe {
            sys::dgelsd_(
                &m,
                &n,
                &nrhs,
                a.data.as_mut_ptr(),
                &lda,
                b.data.as_mut_ptr(),
                &ldb,
                s.as_mut_ptr(),
                &rcond,
                &mut rank,
                work.as_mut_ptr(),
                &lwork,
                iwork.as_mut_ptr(),
                info,
            )
        }
    };
    let (mut q, mut iq) = ([0.0f64], [0 as c_int]);
    run(&mut q, -1, &mut iq, &mut info);
    check(info)?;
    let mut work = vec![0.0; work_len(q[0])];
    let mut iwork = vec![0 as c_int; (iq[0] as usize).max(1)];
    let lw = work.len() as c_int;
    run(&mut work, lw, &mut iwork, &mut info);
    check(info)?;
    Ok(Lstsq {
        b,
        rank: rank as usize,
        s,
    })
}

#[cfg(test)]
#[path = "lapack_tests.rs"]
mod tests;
