//! Creation and utility functions shared by `np` and `da`: `linspace`, `eye`,
//! `round`/`around`, `reshape`, `allclose`/`isclose`/`array_equal`, `asarray` and the
//! eager `*_like` constructors.

use super::convert::{self, chunks};
use super::objects::{as_array, as_ndarray, not_array, ArrayObj, NdArrayObj};
use super::run;
use super::{opt_dtype, req};
use crate::array::{self, ChunkSpec};
use crate::chunk::{self, Chunk, DType, PyScalar, Scalar};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use crate::sched::Scheduler;

fn num(v: &Value, what: &str) -> PyResult<f64> {
    match convert::scalar(v) {
        Some(PyScalar::Bool(b)) => Ok(b as i64 as f64),
        Some(PyScalar::Int(i)) => Ok(i as f64),
        Some(PyScalar::Float(f)) => Ok(f),
        None => Err(exc::type_error(format!(
            "{what} must be a number, not {}",
            v.type_name()
        ))),
    }
}

/// An integer argument, with CPython's TypeError for anything else.
fn int(v: &Value) -> PyResult<i64> {
    crate::lang::builtins::to_int(v, "")
}

/// The eager value of a lazy array (computed on the calling thread's scheduler).
fn eager(vm: &mut Vm, v: &Value) -> PyResult<Chunk> {
    if let Some(a) = as_array(v) {
        let opts = array::ComputeOptions::new(
            Scheduler::Threads { num_workers: 0 },
            vm.ctx.cancel.clone(),
        );
        return array::compute(std::slice::from_ref(&a), &opts)
            .map(|(mut c, _)| c.remove(0))
            .map_err(convert::compute_error);
    }
    super::numpy::to_chunk(v)
}

/// Compute a lazy array eagerly (used by `np.<creation>` sharing the lazy code path).
fn realise(vm: &mut Vm, a: array::Array) -> PyResult<Value> {
    run::compute(vm, &[a], Scheduler::Sync).map(|mut v| v.remove(0))
}

/// `round(a, decimals=0)` on an eager or lazy array.
pub fn round_value(x: &Value, decimals: i64) -> PyResult<Value> {
    let d = decimals as i32;
    if let Some(a) = as_array(x) {
        return array::elementwise::round(&a, d)
            .map(ArrayObj::value)
            .map_err(convert::array_error);
    }
    if let Value::Int(_) | Value::Float(_) = x {
        let c = Chunk::from_vec(vec![num(x, "a")?], &[]).map_err(convert::chunk_error)?;
        return chunk::round(&c, d)
            .map(NdArrayObj::value)
            .map_err(convert::chunk_error);
    }
    let c = super::numpy::chunk_of(x)?;
    chunk::round(&c, d)
        .map(NdArrayObj::value)
        .map_err(convert::chunk_error)
}

/// `reshape(a, shape)`: eager arrays at once, lazy arrays with Dask's chunk
/// rules (`array::reshape`).
pub fn reshape_value(x: &Value, args: &[Value]) -> PyResult<Value> {
    let target: Vec<Value> = match args {
        [Value::Tuple(t)] => t.to_vec(),
        [Value::List(l)] => l.read().clone(),
        other => other.to_vec(),
    };
    let dims = target
        .iter()
        .map(|v| int(v).map(|i| i as isize))
        .collect::<PyResult<Vec<_>>>()?;
    if let Some(a) = as_array(x) {
        return array::reshape::reshape(&a, &dims)
            .map(ArrayObj::value)
            .map_err(convert::array_error);
    }
    let c = super::numpy::chunk_of(x)?;
    chunk::reshape(&c, &dims)
        .map(NdArrayObj::value)
        .map_err(convert::chunk_error)
}

/// The `round` and `reshape` methods of an eager or lazy array (`recv` makes
/// the receiver value); `None` for other names.
pub fn shape_method(name: &str, recv: impl FnOnce() -> Value) -> Option<Value> {
    if !matches!(name, "round" | "reshape" | "squeeze" | "swapaxes" | "clip") {
        return None;
    }
    let v = recv();
    Some(match name {
        "round" => super::methods::bound(
            "round",
            "round(decimals=0)",
            "Round half to even.",
            move |_vm, mut a| {
                let d = a.arg(0, "decimals").map(|d| int(&d)).transpose()?;
                round_value(&v, d.unwrap_or(0))
            },
        ),
        "clip" => super::methods::bound(
            "clip",
            "clip(min=None, max=None)",
            "Limit values to [min, max] (either may be None).",
            move |_vm, mut a| {
                let lo = a.arg(0, "min").filter(|v| !matches!(v, Value::None));
                let hi = a.arg(1, "max").filter(|v| !matches!(v, Value::None));
                a.check("clip", 2)?;
                clip_value(&v, lo.as_ref(), hi.as_ref())
            },
        ),
        "reshape" => super::methods::bound(
            "reshape",
            "reshape(*shape)",
            "The same elements in a new shape.",
            move |_vm, a| reshape_value(&v, &a.pos),
        ),
        "squeeze" | "swapaxes" => {
            let n = name.to_string();
            super::methods::bound(
                name,
                if name == "squeeze" {
                    "squeeze(axis=None)"
                } else {
                    "swapaxes(axis1, axis2)"
                },
                "As the np function of the same name, on this array.",
                move |vm, mut a| {
                    a.pos.insert(0, v.clone());
                    if n == "squeeze" {
                        super::axes::squeeze(vm, a)
                    } else {
                        super::axes::swapaxes(vm, a)
                    }
                },
            )
        }
        _ => return None,
    })
}

/// Add the shared functions to `np` (`lazy` false) or `da` (`lazy` true).
pub fn add(m: &Module, lazy: bool) {
    super::axes::add(m);
    m.func(
        "linspace",
        "linspace(start, stop, num=50, endpoint=True, dtype=None, chunks='auto')",
        "Evenly spaced numbers over an interval (NumPy's arithmetic, exact endpoint).",
        move |vm, mut a| {
            let start = num(&req(&mut a, 0, "start", "linspace")?, "start")?;
            let stop = num(&req(&mut a, 1, "stop", "linspace")?, "stop")?;
            let n = match a.arg(2, "num") {
                Some(v) => int(&v)?,
                None => 50,
            };
            if n < 0 {
                return Err(exc::value_error(format!(
                    "Number of samples, {n}, must be non-negative."
                )));
            }
            let endpoint = !matches!(a.arg(3, "endpoint"), Some(Value::Bool(false)));
            let d = opt_dtype(&mut a, DType::Float64)?;
            let spec = if lazy {
                chunks(a.take_kw("chunks").as_ref(), 1)?
            } else {
                ChunkSpec::Full
            };
            let x = array::creation::linspace(start, stop, n as usize, endpoint, d, &spec)
                .map_err(convert::array_error)?;
            if lazy {
                Ok(ArrayObj::value(x))
            } else {
                realise(vm, x)
            }
        },
    );
    m.func(
        "eye",
        "eye(N, M=None, k=0, dtype=float, chunks='auto')",
        "Ones on a diagonal, zeros elsewhere.",
        move |vm, mut a| {
            let n = int(&req(&mut a, 0, "N", "eye")?)?.max(0) as usize;
            let mm = match a.arg(1, "M") {
                None | Some(Value::None) => n,
                Some(v) => int(&v)?.max(0) as usize,
            };
            let k = match a.arg(2, "k") {
                Some(v) => int(&v)?,
                None => 0,
            };
            let d = opt_dtype(&mut a, DType::Float64)?;
            let spec = if lazy {
                chunks(a.take_kw("chunks").as_ref(), 2)?
            } else {
                ChunkSpec::Full
            };
            let x = array::creation::eye(n, mm, k, d, &spec).map_err(convert::array_error)?;
            if lazy {
                Ok(ArrayObj::value(x))
            } else {
                realise(vm, x)
            }
        },
    );
    for name in ["round", "around"] {
        m.func(
            name,
            &format!("{name}(a, decimals=0)"),
            "Round half to even at the given decimal place.",
            |_vm, mut a| {
                let x = req(&mut a, 0, "a", "round")?;
                let d = match a.arg(1, "decimals") {
                    Some(v) => int(&v)?,
                    None => 0,
                };
                round_value(&x, d)
            },
        );
    }
    m.func(
        "clip",
        "clip(a, a_min, a_max)",
        "Limit values to [a_min, a_max] (either may be None).",
        |_vm, mut a| {
            let x = req(&mut a, 0, "a", "clip")?;
            let lo = a.arg(1, "a_min").filter(|v| !matches!(v, Value::None));
            let hi = a.arg(2, "a_max").filter(|v| !matches!(v, Value::None));
            clip_value(&x, lo.as_ref(), hi.as_ref())
        },
    );
    m.func(
        "reshape",
        "reshape(a, newshape)",
        "The same elements in a new shape (one axis may be -1).",
        |_vm, mut a| {
            let x = req(&mut a, 0, "a", "reshape")?;
            let s = req(&mut a, 1, "newshape", "reshape")?;
            reshape_value(&x, &[s])
        },
    );
    if lazy {
        return;
    }
    for name in ["array", "asarray"] {
        m.func(
            name,
            &format!("{name}(object, dtype=None)"),
            "An eager array from nested lists, a scalar or an array (lazy arrays are computed).",
            move |vm, mut a| eager_array(vm, &mut a, name),
        );
    }
    for (name, fill) in [("ones_like", 1.0), ("zeros_like", 0.0), ("empty_like", 0.0)] {
        m.func(
            name,
            &format!("{name}(a, dtype=None)"),
            "An eager array shaped like another.",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "a", name)?;
                let (sh, dt) = like(&x, name)?;
                let d = opt_dtype(&mut a, dt)?;
                Chunk::full(&sh, Scalar::F64(fill).astype(d), d)
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            },
        );
    }
    for name in ["allclose", "isclose"] {
        m.func(
            name,
            &format!("{name}(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)"),
            "Elementwise |a - b| <= atol + rtol * |b| (lazy inputs are computed).",
            move |vm, mut a| close(vm, &mut a, name == "allclose"),
        );
    }
    m.func(
        "array_equal",
        "array_equal(a1, a2, equal_nan=False)",
        "True if both arrays have the same shape and elements (lazy inputs are computed).",
        |vm, mut a| {
            let x = eager(vm, &req(&mut a, 0, "a1", "array_equal")?)?;
            let y = eager(vm, &req(&mut a, 1, "a2", "array_equal")?)?;
            let equal_nan = matches!(a.arg(2, "equal_nan"), Some(Value::Bool(true)));
            if x.shape() != y.shape() {
                return Ok(Value::Bool(false));
            }
            let same = x
                .to_f64_vec()
                .iter()
                .zip(y.to_f64_vec())
                .all(|(&p, q)| p == q || (equal_nan && p.is_nan() && q.is_nan()));
            Ok(Value::Bool(same))
        },
    );
    m.func(
        "full_like",
        "full_like(a, fill_value, dtype=None)",
        "An eager array shaped like another, filled with a value.",
        |_vm, mut a| {
            let x = req(&mut a, 0, "a", "full_like")?;
            let v = num(&req(&mut a, 1, "fill_value", "full_like")?, "fill_value")?;
            let (sh, dt) = like(&x, "full_like")?;
            let d = opt_dtype(&mut a, dt)?;
            Chunk::full(&sh, Scalar::F64(v).astype(d), d)
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error)
        },
    );
}

/// `clip(x, lo, hi)` with scalar bounds, eager or lazy.
pub fn clip_value(x: &Value, lo: Option<&Value>, hi: Option<&Value>) -> PyResult<Value> {
    use chunk::BinaryOp::{Maximum, Minimum};
    let bound = |v: Option<&Value>| -> PyResult<Option<PyScalar>> {
        v.map(|v| {
            convert::scalar(v).ok_or_else(|| exc::type_error("clip bounds must be numbers or None"))
        })
        .transpose()
    };
    let (lo, hi) = (bound(lo)?, bound(hi)?);
    if lo.is_none() && hi.is_none() {
        return Err(exc::value_error("One of max or min must be given"));
    }
    if let Some(mut arr) = as_array(x) {
        for (op, b) in [(Maximum, lo), (Minimum, hi)] {
            if let Some(s) = b {
                arr = array::elementwise::binary_scalar(op, &arr, s, false)
                    .map_err(convert::array_error)?;
            }
        }
        return Ok(ArrayObj::value(arr));
    }
    let mut c = super::numpy::to_chunk(x)?;
    for (op, b) in [(Maximum, lo), (Minimum, hi)] {
        if let Some(s) = b {
            c = chunk::binary_scalar(op, &c, s, false).map_err(convert::chunk_error)?;
        }
    }
    Ok(NdArrayObj::value(c))
}

fn eager_array(vm: &mut Vm, a: &mut Args, name: &str) -> PyResult<Value> {
    let x = req(a, 0, "object", name)?;
    let dtype = a.arg(1, "dtype");
    // `np.asarray(a)` of an ndarray is `a` itself (writes through it reach `a`).
    if name == "asarray" && matches!(dtype, None | Some(Value::None)) && as_ndarray(&x).is_some() {
        return Ok(x);
    }
    let c = eager(vm, &x)?;
    match dtype {
        None | Some(Value::None) => Ok(NdArrayObj::value(c)),
        Some(d) => c
            .astype(convert::dtype(&d)?)
            .map(NdArrayObj::value)
            .map_err(convert::chunk_error),
    }
}

fn like(x: &Value, name: &str) -> PyResult<(Vec<usize>, DType)> {
    if let Some(a) = as_array(x) {
        return Ok((a.meta().shape.clone(), a.meta().dtype));
    }
    if let Some(c) = as_ndarray(x) {
        return Ok((c.shape().to_vec(), c.dtype()));
    }
    let c = super::numpy::to_chunk(x).map_err(|_| not_array(name, x))?;
    Ok((c.shape().to_vec(), c.dtype()))
}

fn close(vm: &mut Vm, a: &mut Args, all: bool) -> PyResult<Value> {
    let x = eager(vm, &req(a, 0, "a", "isclose")?)?;
    let y = eager(vm, &req(a, 1, "b", "isclose")?)?;
    let rtol = a
        .arg(2, "rtol")
        .map(|v| num(&v, "rtol"))
        .transpose()?
        .unwrap_or(1e-5);
    let atol = a
        .arg(3, "atol")
        .map(|v| num(&v, "atol"))
        .transpose()?
        .unwrap_or(1e-8);
    let equal_nan = matches!(a.arg(4, "equal_nan"), Some(Value::Bool(true)));
    let out = chunk::broadcast_shapes(x.shape(), y.shape()).map_err(convert::chunk_error)?;
    // Complex values compare by modulus, as NumPy's abs(x - y) does.
    let vals = |c: &Chunk| -> Vec<num_complex::Complex64> {
        c.to_typed::<chunk::C128>().iter().map(|v| v.0).collect()
    };
    let (xv, yv) = (vals(&x), vals(&y));
    let at =
        |v: &[num_complex::Complex64], shape: &[usize], flat: usize| -> num_complex::Complex64 {
            // Right-aligned broadcasting of a flat output index into `shape`.
            let (mut rem, mut idx, mut stride) = (flat, 0usize, 1usize);
            let off = out.len() - shape.len();
            for ax in (0..out.len()).rev() {
                let i = rem % out[ax];
                rem /= out[ax];
                if ax >= off {
                    let d = shape[ax - off];
                    idx += if d == 1 { 0 } else { i } * stride;
                    stride *= d;
                }
            }
            v[idx]
        };
    let n: usize = out.iter().product();
    let flags: Vec<bool> = (0..n)
        .map(|k| {
            let (p, q) = (at(&xv, x.shape(), k), at(&yv, y.shape(), k));
            if p.is_nan() || q.is_nan() {
                equal_nan && p.is_nan() && q.is_nan()
            } else if p.is_infinite() || q.is_infinite() {
                p == q
            } else {
                (p - q).norm() <= atol + rtol * q.norm()
            }
        })
        .collect();
    if all {
        return Ok(Value::Bool(flags.iter().all(|&b| b)));
    }
    Chunk::from_vec(flags, &out)
        .map(NdArrayObj::value)
        .map_err(convert::chunk_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_and_reshape_of_eager_values() {
        let c = Chunk::from_vec(vec![1.25, 2.5, 3.75, 4.0], &[4]).unwrap();
        let v = round_value(&NdArrayObj::value(c.clone()), 1).ok().unwrap();
        assert_eq!(as_ndarray(&v).unwrap().to_f64_vec(), [1.2, 2.5, 3.8, 4.0]);
        let r = reshape_value(
            &NdArrayObj::value(c.clone()),
            &[Value::Int(2), Value::Int(-1)],
        )
        .ok()
        .unwrap();
        assert_eq!(as_ndarray(&r).unwrap().shape(), [2, 2]);
        let e = reshape_value(&NdArrayObj::value(c), &[Value::str("a")])
            .err()
            .unwrap();
        assert_eq!(
            e.message(),
            "'str' object cannot be interpreted as an integer"
        );
        assert!(
            matches!(round_value(&Value::Float(2.5), 0).ok().unwrap(), Value::Float(f) if f == 2.0)
        );
    }
}
