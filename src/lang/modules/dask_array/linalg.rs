//! `numpy.linalg` for the dialect: argument parsing over `chunk::nplinalg`,
//! NumPy 2's result records (`EigResult`, `SVDResult`, ...) and
//! `LinAlgError`. A lazy argument is computed first and the result is eager,
//! as Dask's NumPy fallback does (with Dask's FutureWarning for the functions
//! `dask.array.linalg` lacks).

use super::convert;
use super::numpy::to_chunk;
use super::objects::{as_array, NdArrayObj};
use super::{new_module, req, run};
use crate::chunk::nplinalg as la;
use crate::chunk::nplinalg_more::{self as la2, NormOrd};
use crate::chunk::Chunk;
use crate::lang::builtins::{to_f64, to_int};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::modules::dask_runtime::diagnostics::Record;
use crate::lang::output::StreamName;
use crate::lang::value::{Class, Module, Value};
use std::sync::{Arc, OnceLock};

/// `numpy.linalg.LinAlgError` (a `ValueError`), one class for every raise and `except`.
pub fn linalg_error_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        Class::new(
            "LinAlgError",
            vec![exc::class("ValueError")],
            true,
            "numpy.linalg",
        )
    })
    .clone()
}

/// The functions `dask.array.linalg` has: the others warn before computing.
const IN_DASK: &[&str] = &["inv", "solve", "cholesky", "qr", "svd", "lstsq", "norm"];

/// An eager matrix argument: lazy arrays are computed (Dask's NumPy fallback).
fn operand(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Chunk> {
    if as_array(v).is_some() {
        if !IN_DASK.contains(&fname) {
            vm.ctx.out.stream(
                StreamName::Stderr,
                &format!(
                    "FutureWarning: The `numpy.linalg.{fname}` function is not implemented by Dask \
                     array. You may want to use the da.map_blocks function or something similar to \
                     silence this warning. Your code may stop working in a future release.\n"
                ),
            );
        }
        let a = as_array(v).expect("lazy");
        let out = run::compute(vm, &[a], crate::sched::Scheduler::default())?;
        return to_chunk(&out[0]);
    }
    to_chunk(v)
}

fn arr(c: Chunk) -> Value {
    NdArrayObj::value(c)
}

fn flag(v: Option<Value>, default: bool) -> bool {
    match v {
        None => default,
        Some(v) => v.truthy_simple().unwrap_or(default),
    }
}

fn ce(e: crate::chunk::ChunkError) -> Box<exc::PyErr> {
    convert::chunk_error(e)
}

/// A value of eigen-decomposition parts: real when NumPy's would be.
fn parts(p: la::Parts) -> PyResult<Value> {
    if !p.complex {
        return Ok(arr(p.re));
    }
    crate::chunk::complex::from_parts(&p.re, &p.im)
        .map(arr)
        .map_err(ce)
}

type Body = fn(&mut Vm, Args) -> PyResult<Value>;

fn one(vm: &mut Vm, a: &mut Args, f: &str) -> PyResult<Chunk> {
    let v = req(a, 0, "a", f)?;
    operand(vm, &v, f)
}

fn uplo(a: &mut Args, i: usize) -> PyResult<String> {
    match a.arg(i, "UPLO") {
        None => Ok("L".into()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(_) => Err(exc::value_error("UPLO argument must be 'L' or 'U'")),
    }
}

fn norm_ord(v: Option<Value>) -> PyResult<NormOrd> {
    Ok(match v {
        None | Some(Value::None) => NormOrd::Default,
        Some(Value::Str(s)) => NormOrd::Str(s.to_string()),
        Some(v) => NormOrd::P(to_f64(&v)?),
    })
}

const FUNCS: &[(&str, &str, &str, Body)] = &[
    ("inv", "inv(a)", "The inverse of a square matrix (or of each in a stack), by LAPACK's gesv.", |vm, mut a| {
        let x = one(vm, &mut a, "inv")?;
        la::inv(&x).map(arr).map_err(ce)
    }),
    ("solve", "solve(a, b)", "The solution x of a @ x = b for square a (gesv); b is a vector when 1-D.", |vm, mut a| {
        let x = one(vm, &mut a, "solve")?;
        let b = req(&mut a, 1, "b", "solve")?;
        let b = operand(vm, &b, "solve")?;
        la::solve(&x, &b).map(arr).map_err(ce)
    }),
    ("det", "det(a)", "The determinant (sign * exp(logdet) from an LU factorisation, as NumPy).", |vm, mut a| {
        let x = one(vm, &mut a, "det")?;
        la::det(&x).map(arr).map_err(ce)
    }),
    ("slogdet", "slogdet(a)", "SlogdetResult(sign, logabsdet) of the determinant.", |vm, mut a| {
        let x = one(vm, &mut a, "slogdet")?;
        let (s, l) = la::slogdet(&x).map_err(ce)?;
        Ok(Record::value("SlogdetResult", &["sign", "logabsdet"], vec![arr(s), arr(l)]))
    }),
    ("eig", "eig(a)", "EigResult(eigenvalues, eigenvectors) by LAPACK's geev: complex128 unless every eigenvalue is real.", |vm, mut a| {
        let x = one(vm, &mut a, "eig")?;
        let (w, v) = la::eig(&x, true).map_err(ce)?;
        let v = v.expect("vectors asked for");
        Ok(Record::value("EigResult", &["eigenvalues", "eigenvectors"], vec![parts(w)?, parts(v)?]))
    }),
    ("eigvals", "eigvals(a)", "The eigenvalues of a general matrix (geev without vectors).", |vm, mut a| {
        let x = one(vm, &mut a, "eigvals")?;
        parts(la::eig(&x, false).map_err(ce)?.0)
    }),
    ("eigh", "eigh(a, UPLO='L')", "EighResult(eigenvalues, eigenvectors) of a symmetric matrix, ascending (syevd).", |vm, mut a| {
        let x = one(vm, &mut a, "eigh")?;
        let u = uplo(&mut a, 1)?;
        let (w, v) = la::eigh(&x, &u, true).map_err(ce)?;
        Ok(Record::value("EighResult", &["eigenvalues", "eigenvectors"], vec![arr(w), arr(v.expect("vectors"))]))
    }),
    ("eigvalsh", "eigvalsh(a, UPLO='L')", "The ascending eigenvalues of a symmetric matrix (syevd).", |vm, mut a| {
        let x = one(vm, &mut a, "eigvalsh")?;
        let u = uplo(&mut a, 1)?;
        la::eigh(&x, &u, false).map(|(w, _)| arr(w)).map_err(ce)
    }),
    ("svd", "svd(a, full_matrices=True, compute_uv=True, hermitian=False)", "SVDResult(U, S, Vh) by LAPACK's gesdd (only S when compute_uv=False).", |vm, mut a| {
        let x = one(vm, &mut a, "svd")?;
        let full = flag(a.arg(1, "full_matrices"), true);
        let uv = flag(a.arg(2, "compute_uv"), true);
        let _ = a.arg(3, "hermitian");
        let (u, s, vh) = la::svd(&x, full, uv).map_err(ce)?;
        match (u, vh) {
            (Some(u), Some(vh)) => Ok(Record::value("SVDResult", &["U", "S", "Vh"], vec![arr(u), arr(s), arr(vh)])),
            _ => Ok(arr(s)),
        }
    }),
    ("qr", "qr(a, mode='reduced')", "QRResult(Q, R) by geqrf and orgqr; mode 'reduced', 'complete' or 'r' (R only).", |vm, mut a| {
        let x = one(vm, &mut a, "qr")?;
        let mode = match a.arg(1, "mode") {
            None => "reduced".to_string(),
            Some(Value::Str(s)) => s.to_string(),
            Some(o) => return Err(exc::value_error(format!("Unrecognized mode '{}'", crate::lang::repr::repr_simple(&o)))),
        };
        match la::qr(&x, &mode).map_err(ce)? {
            (Some(q), r) => Ok(Record::value("QRResult", &["Q", "R"], vec![arr(q), arr(r)])),
            (None, r) => Ok(arr(r)),
        }
    }),
    ("cholesky", "cholesky(a, /, *, upper=False)", "The Cholesky factor L (L @ L.T == a), or U with upper=True (potrf).", |vm, mut a| {
        let x = one(vm, &mut a, "cholesky")?;
        let upper = flag(a.take_kw("upper"), false);
        la::cholesky(&x, upper).map(arr).map_err(ce)
    }),
    ("lstsq", "lstsq(a, b, rcond=None)", "(x, residuals, rank, s): the least-squares solution by LAPACK's gelsd.", |vm, mut a| {
        let x = one(vm, &mut a, "lstsq")?;
        let b = req(&mut a, 1, "b", "lstsq")?;
        let b = operand(vm, &b, "lstsq")?;
        let rcond = match a.arg(2, "rcond") {
            None | Some(Value::None) => None,
            Some(v) => Some(to_f64(&v)?),
        };
        let r = la2::lstsq(&x, &b, rcond).map_err(ce)?;
        Ok(Value::tuple(vec![
            Value::object(NdArrayObj::new(Arc::new(r.x))),
            Value::object(NdArrayObj::new(Arc::new(r.residuals))),
            Value::Int(r.rank as i64),
            Value::object(NdArrayObj::new(Arc::new(r.s))),
        ]))
    }),
    ("pinv", "pinv(a, rcond=None, hermitian=False, *, rtol=None)", "The Moore-Penrose pseudo-inverse from the SVD (singular values <= rcond * max dropped; rcond 1e-15).", |vm, mut a| {
        let x = one(vm, &mut a, "pinv")?;
        let rc = match (a.arg(1, "rcond"), a.take_kw("rtol")) {
            (Some(v), None) if !matches!(v, Value::None) => to_f64(&v)?,
            (None | Some(Value::None), Some(Value::None)) => {
                let nd = x.ndim().max(2);
                (x.shape()[nd - 2].max(x.shape()[nd - 1])) as f64 * f64::EPSILON
            }
            (None | Some(Value::None), Some(v)) => to_f64(&v)?,
            (None | Some(Value::None), None) => 1e-15,
            _ => return Err(exc::value_error("`rtol` and `rcond` can't be both set.")),
        };
        la2::pinv(&x, rc).map(arr).map_err(ce)
    }),
    ("matrix_rank", "matrix_rank(A, tol=None, hermitian=False, *, rtol=None)", "The number of singular values above tol (default max(S) * max(M, N) * eps).", |vm, mut a| {
        let v = req(&mut a, 0, "A", "matrix_rank")?;
        let x = operand(vm, &v, "matrix_rank")?;
        let tol = match a.arg(1, "tol") {
            None | Some(Value::None) => None,
            Some(v) => Some(to_f64(&v)?),
        };
        la2::matrix_rank(&x, tol).map(arr).map_err(ce)
    }),
    ("norm", "norm(x, ord=None, axis=None, keepdims=False)", "Matrix or vector norm: ord None/'fro'/'nuc'/inf/-inf/1/-1/2/-2 for matrices, any p for vectors.", |vm, mut a| {
        let v = req(&mut a, 0, "x", "norm")?;
        let x = operand(vm, &v, "norm")?;
        let ord = norm_ord(a.arg(1, "ord"))?;
        let axis = match a.arg(2, "axis") {
            None | Some(Value::None) => None,
            Some(Value::Tuple(t)) => Some(t.iter().map(|v| to_int(v, "").map(|i| i as isize)).collect::<PyResult<Vec<_>>>()?),
            Some(v) => Some(vec![to_int(&v, "").map_err(|_| exc::type_error("'axis' must be None, an integer or a tuple of integers"))? as isize]),
        };
        let keep = flag(a.arg(3, "keepdims"), false);
        la2::norm(&x, &ord, axis.as_deref(), keep).map(arr).map_err(ce)
    }),
    ("matrix_power", "matrix_power(a, n)", "a raised to the integer power n by repeated squaring (n < 0: of the inverse).", |vm, mut a| {
        let x = one(vm, &mut a, "matrix_power")?;
        let n = req(&mut a, 1, "n", "matrix_power")?;
        let n = match n {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            _ => return Err(exc::type_error("exponent must be an integer")),
        };
        la2::matrix_power(&x, n).map(arr).map_err(ce)
    }),
];

/// Register every `numpy.linalg` function on `m`.
pub fn add(m: &Module) {
    for &(name, sig, doc, body) in FUNCS {
        m.func(name, sig, doc, body);
    }
    m.set("LinAlgError", Value::Class(linalg_error_class()));
}

/// Build `numpy.linalg`.
pub fn module() -> Value {
    let m = new_module(
        "numpy.linalg",
        "Linear algebra through LAPACK (OpenBLAS), with NumPy's routines, results and errors.",
    );
    add(&m);
    Value::Module(m)
}
