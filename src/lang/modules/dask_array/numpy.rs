//! `numpy` for the dialect: eager arrays over `chunk/`, with every ufunc and
//! reduction dispatching to the lazy version when given a lazy array (so
//! `np.sin(x)` on a dask array stays lazy, as in Dask).

use super::convert::{self, shape};
use super::methods::{lazy_reduce, reduce_args, reduce_op};
use super::objects::{as_array, as_ndarray, ArrayObj, DTypeObj, NdArrayObj};
use super::{new_module, req, BINARY, UNARY};
use crate::array;
use crate::chunk::{self, BlockSpec, Chunk, CounterRng, DType, Scalar};
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use arcstr::ArcStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

static SEED: AtomicU64 = AtomicU64::new(0);
static SEEDED: AtomicU64 = AtomicU64::new(0);

/// The next random seed: deterministic after `np.random.seed(s)`, else from the clock.
pub fn next_seed() -> u64 {
    if SEEDED.load(Ordering::Relaxed) == 0 {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos() as u64;
        SEED.store(t, Ordering::Relaxed);
        SEEDED.store(1, Ordering::Relaxed);
    }
    SEED.fetch_add(0x9E37_79B9_7F4A_7C15, Ordering::Relaxed)
}

/// Like [`to_chunk`], but an eager array's values are shared, not copied:
/// what every function that only reads its operand should use (a copy of a
/// large array per call costs more than most kernels).
pub fn chunk_of(v: &Value) -> PyResult<Arc<Chunk>> {
    match as_ndarray(v) {
        Some(c) => Ok(c),
        None => to_chunk(v).map(Arc::new),
    }
}

/// An eager array from a number, a (nested) list/tuple, or an eager array.
pub fn to_chunk(v: &Value) -> PyResult<Chunk> {
    if let Some(c) = as_ndarray(v) {
        return Ok((*c).clone());
    }
    if let Some(map) = super::npyfile::as_memmap(v) {
        return map
            .read_all()
            .map_err(|e| crate::lang::exc::new("OSError", e.to_string()));
    }
    if let Some(z) = super::diskio::as_disk(v) {
        return z.read_all().map_err(convert::store_error);
    }
    if has_complex(v) {
        return complex_chunk(v);
    }
    let mut shape_out = Vec::new();
    let mut flat = Vec::new();
    let mut kind = 0u8; // 0 bool, 1 int, 2 float
    fn walk(
        v: &Value,
        depth: usize,
        shape: &mut Vec<usize>,
        flat: &mut Vec<f64>,
        kind: &mut u8,
    ) -> PyResult<()> {
        let items: Option<Vec<Value>> = match v {
            Value::List(l) => Some(l.read().clone()),
            Value::Tuple(t) => Some(t.to_vec()),
            _ => None,
        };
        match items {
            Some(items) => {
                if shape.len() == depth {
                    shape.push(items.len());
                } else if shape[depth] != items.len() {
                    return Err(exc::value_error(
                        "setting an array element with a sequence. The requested array has an inhomogeneous shape",
                    ));
                }
                for it in &items {
                    walk(it, depth + 1, shape, flat, kind)?;
                }
                Ok(())
            }
            None => {
                match v {
                    Value::Bool(b) => flat.push(*b as i64 as f64),
                    Value::Int(i) => {
                        *kind = (*kind).max(1);
                        flat.push(*i as f64)
                    }
                    Value::Float(f) => {
                        *kind = 2;
                        flat.push(*f)
                    }
                    other => {
                        return Err(exc::type_error(format!(
                            "cannot make an array from {}",
                            other.type_name()
                        )))
                    }
                }
                Ok(())
            }
        }
    }
    walk(v, 0, &mut shape_out, &mut flat, &mut kind)?;
    let d = [DType::Bool, DType::Int64, DType::Float64][kind as usize];
    Chunk::from_vec(flat, &shape_out)
        .and_then(|c| c.astype(d))
        .map_err(convert::chunk_error)
}

fn has_complex(v: &Value) -> bool {
    match v {
        Value::List(l) => l.read().iter().any(has_complex),
        Value::Tuple(t) => t.iter().any(has_complex),
        Value::Object(o) => o.as_any().is::<crate::lang::complexnum::PyComplex>(),
        _ => false,
    }
}

/// A complex128 array from (nested) sequences holding Python complex numbers.
fn complex_chunk(v: &Value) -> PyResult<Chunk> {
    fn walk(v: &Value, re: &mut Vec<Value>, im: &mut Vec<Value>) -> PyResult<Value> {
        let items: Option<Vec<Value>> = match v {
            Value::List(l) => Some(l.read().clone()),
            Value::Tuple(t) => Some(t.to_vec()),
            _ => None,
        };
        match items {
            Some(items) => {
                let (mut r, mut i) = (Vec::new(), Vec::new());
                for it in &items {
                    let _ = walk(it, &mut r, &mut i)?;
                }
                re.push(Value::list(r));
                im.push(Value::list(i));
                Ok(Value::None)
            }
            None => {
                let z = crate::lang::complexnum::as_complex(v).ok_or_else(|| {
                    exc::type_error(format!("cannot make an array from {}", v.type_name()))
                })?;
                re.push(Value::Float(z.re));
                im.push(Value::Float(z.im));
                Ok(Value::None)
            }
        }
    }
    let (mut re, mut im) = (Vec::new(), Vec::new());
    walk(v, &mut re, &mut im)?;
    let (re, im) = (to_chunk(&re[0])?, to_chunk(&im[0])?);
    chunk::complex::from_parts(&re, &im).map_err(convert::chunk_error)
}

/// A unary ufunc on an eager or lazy array (lazy in, lazy out).
pub fn eager_or_lazy_unary(op: chunk::UnaryOp, name: &'static str, x: &Value) -> PyResult<Value> {
    if let Some(a) = as_array(x) {
        return array::elementwise::unary(op, name, &a)
            .map(ArrayObj::value)
            .map_err(convert::array_error);
    }
    let c = chunk_of(x)?;
    chunk::unary(op, &c)
        .map(NdArrayObj::value)
        .map_err(convert::chunk_error)
}

fn eager_or_lazy_binary(op: chunk::BinaryOp, x: &Value, y: &Value) -> PyResult<Value> {
    if as_array(x).is_some() || as_array(y).is_some() {
        let r = match (convert::scalar(x), convert::scalar(y)) {
            (Some(s), None) => {
                array::elementwise::binary_scalar(op, &as_array(y).expect("lazy"), s, true)
            }
            (None, Some(s)) => {
                array::elementwise::binary_scalar(op, &as_array(x).expect("lazy"), s, false)
            }
            _ => {
                let a = super::objects::lazy_operand(x)
                    .ok_or_else(|| super::objects::not_array("ufunc", x))?;
                let b = super::objects::lazy_operand(y)
                    .ok_or_else(|| super::objects::not_array("ufunc", y))?;
                array::elementwise::binary(op, &a, &b)
            }
        };
        return r.map(ArrayObj::value).map_err(convert::array_error);
    }
    let (a, b) = (chunk_of(x)?, chunk_of(y)?);
    chunk::binary(op, &a, &b)
        .map(NdArrayObj::value)
        .map_err(convert::chunk_error)
}

/// Ufuncs and reductions as functions, shared by `np` and `da`.
pub fn add_functions(m: &Module, _lazy: bool) {
    for &op in UNARY {
        let name = op.ufunc_name();
        m.func(
            name,
            &format!("{name}(x)"),
            "Elementwise; lazy when given a lazy array.",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "x", name)?;
                eager_or_lazy_unary(op, name, &x)
            },
        );
    }
    m.set("abs", m.get("absolute").expect("absolute"));
    // NumPy's older names for the same conversions.
    m.set("radians", m.get("deg2rad").expect("deg2rad"));
    m.set("degrees", m.get("rad2deg").expect("rad2deg"));
    for &op in BINARY {
        let name = op.ufunc_name();
        m.func(
            name,
            &format!("{name}(x1, x2)"),
            "Elementwise; lazy when given a lazy array.",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "x1", name)?;
                let y = req(&mut a, 1, "x2", name)?;
                eager_or_lazy_binary(op, &x, &y)
            },
        );
    }
    if let Some(d) = m.get("true_divide") {
        m.set("divide", d);
    }
    for name in [
        "sum",
        "prod",
        "mean",
        "var",
        "std",
        "min",
        "max",
        "amin",
        "amax",
        "any",
        "all",
        "argmin",
        "argmax",
        "nansum",
        "nanprod",
        "nanmean",
        "nanvar",
        "nanstd",
        "nanmin",
        "nanmax",
        "nanargmin",
        "nanargmax",
    ] {
        let op = reduce_op(name).expect("reduction");
        m.func(
            name,
            &format!("{name}(a, axis=None, keepdims=False)"),
            "Reduction; lazy when given a lazy array.",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "a", name)?;
                let r = reduce_args(name, a, 1)?;
                if let Some(arr) = as_array(&x) {
                    return lazy_reduce(&arr, op, &r);
                }
                let c = chunk_of(&x)?;
                chunk::reduce(&c, op, r.axis.as_deref(), r.keepdims, r.ddof)
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            },
        );
    }
}

fn eager_random(
    nparams: usize,
    draw: fn(&CounterRng, &[f64], &BlockSpec) -> chunk::Result<Chunk>,
) -> impl Fn(&mut crate::lang::eval::Vm, Args) -> PyResult<Value> {
    move |_vm, mut a: Args| {
        let params: Vec<f64> = (0..nparams)
            .map(|i| a.pos.get(i).map(crate::lang::builtins::to_f64).transpose())
            .collect::<PyResult<Vec<_>>>()?
            .into_iter()
            .map(|p| p.unwrap_or(f64::NAN))
            .collect();
        let sh = match a.arg(nparams, "size") {
            None | Some(Value::None) => Vec::new(),
            Some(v) => shape(&v)?,
        };
        let rng = CounterRng::new(next_seed(), 0);
        draw(&rng, &params, &BlockSpec::whole(&sh))
            .map(NdArrayObj::value)
            .map_err(convert::chunk_error)
    }
}

fn random_module() -> Value {
    let m = new_module(
        "numpy.random",
        "Eager random numbers (counter-based generator; not NumPy's bit stream).",
    );
    m.func(
        "seed",
        "seed(seed)",
        "Seed the generator used by later calls.",
        |_vm, mut a| {
            let s = crate::lang::builtins::to_int(&req(&mut a, 0, "seed", "seed")?, "")?;
            SEED.store(s as u64 ^ 0x5EED, Ordering::Relaxed);
            SEEDED.store(1, Ordering::Relaxed);
            Ok(Value::None)
        },
    );
    m.func(
        "default_rng",
        "default_rng(seed=None)",
        "A Generator of eager random arrays (one fresh stream per call).",
        |_vm, mut a| super::rng::default_rng(&mut a, false),
    );
    m.func(
        "RandomState",
        "RandomState(seed=None)",
        "A RandomState drawing NumPy arrays (legacy API: randint, random_sample, normal, ...).",
        |_vm, mut a| super::rng::random_state(&mut a, false),
    );
    m.func(
        "random",
        "random(size=None)",
        "Uniform floats in [0, 1).",
        eager_random(0, |r, _p, b| r.random(b)),
    );
    let random = m.get("random").expect("random is defined above");
    m.func(
        "rand",
        "rand(d0, d1, ..., dn)",
        "Uniform floats in [0, 1) of the given shape (a float with no arguments).",
        move |vm, a| {
            let mut call = Args::pos(Vec::new());
            if !a.pos.is_empty() {
                call.kw
                    .push((ArcStr::from("size"), Value::tuple(a.pos.clone())));
            }
            vm.call_value(&random, call)
        },
    );
    m.func(
        "normal",
        "normal(loc=0.0, scale=1.0, size=None)",
        "Normal samples.",
        eager_random(2, |r, p, b| {
            r.normal(
                if p[0].is_nan() { 0.0 } else { p[0] },
                if p[1].is_nan() { 1.0 } else { p[1] },
                b,
            )
        }),
    );
    m.func(
        "uniform",
        "uniform(low=0.0, high=1.0, size=None)",
        "Uniform samples.",
        eager_random(2, |r, p, b| {
            r.uniform(
                if p[0].is_nan() { 0.0 } else { p[0] },
                if p[1].is_nan() { 1.0 } else { p[1] },
                b,
            )
        }),
    );
    m.func(
        "standard_normal",
        "standard_normal(size=None)",
        "Standard normal samples.",
        eager_random(0, |r, _p, b| r.standard_normal(b)),
    );
    m.func(
        "randint",
        "randint(low, high=None, size=None)",
        "Random integers in [low, high).",
        |_vm, mut a| {
            let lo = crate::lang::builtins::to_int(&req(&mut a, 0, "low", "randint")?, "")?;
            let (lo, hi) = match a.arg(1, "high") {
                None | Some(Value::None) => (0, lo),
                Some(h) => (lo, crate::lang::builtins::to_int(&h, "")?),
            };
            if lo >= hi {
                return Err(exc::value_error(format!("low >= high ({lo} >= {hi})")));
            }
            let sh = match a.arg(2, "size") {
                None | Some(Value::None) => Vec::new(),
                Some(v) => shape(&v)?,
            };
            let rng = CounterRng::new(next_seed(), 0);
            rng.randint(lo, hi, DType::Int64, &BlockSpec::whole(&sh))
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error)
        },
    );
    Value::Module(m)
}

/// Build `numpy`.
pub fn build() -> Value {
    let m = new_module(
        "numpy",
        "Eager n-d arrays (Tessera's NumPy subset); lazy arrays pass through to dask.array.",
    );
    add_functions(&m, false);
    super::extras::add(&m, false);
    super::joins::add(&m, false);
    super::einsum::add(&m, false);
    super::arrange::add(&m, false);
    super::counting::add(&m, false);
    super::scans::add(&m, false);
    m.func(
        "save",
        "save(file, arr)",
        "Write an array to a .npy file.",
        super::npyfile::save,
    );
    m.func(
        "load",
        "load(file, mmap_mode=None)",
        "Read a .npy file; mmap_mode='r' maps it and reads only what is indexed.",
        super::npyfile::load,
    );
    for (name, fill) in [("ones", 1.0), ("zeros", 0.0), ("empty", 0.0)] {
        m.func(
            name,
            &format!("{name}(shape, dtype=float)"),
            "An eager filled array.",
            move |_vm, mut a| {
                let sh = shape(&req(&mut a, 0, "shape", name)?)?;
                let d = match a.arg(1, "dtype") {
                    None | Some(Value::None) => DType::Float64,
                    Some(v) => convert::dtype(&v)?,
                };
                Chunk::full(&sh, Scalar::F64(fill).astype(d), d)
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            },
        );
    }
    m.func(
        "full",
        "full(shape, fill_value, dtype=None)",
        "An eager array filled with fill_value (dtype from the value unless given).",
        |_vm, mut a| {
            let sh = shape(&req(&mut a, 0, "shape", "full")?)?;
            let v = req(&mut a, 1, "fill_value", "full")?;
            let s = match v {
                Value::Bool(b) => Scalar::Bool(b),
                Value::Int(i) => Scalar::I64(i),
                Value::Float(f) => Scalar::F64(f),
                other => {
                    return Err(exc::type_error(format!(
                        "full() fill_value must be a number, not {}",
                        other.type_name()
                    )))
                }
            };
            let d = match a.arg(2, "dtype") {
                None | Some(Value::None) => s.dtype(),
                Some(v) => convert::dtype(&v)?,
            };
            Chunk::full(&sh, s.astype(d), d)
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error)
        },
    );
    m.func(
        "arange",
        "arange(start=0, stop, step=1)",
        "Evenly spaced values.",
        |_vm, a| {
            let (start, stop, step, d) = convert::arange_args(&a.pos)?;
            Chunk::arange(start, stop, step, d)
                .map(NdArrayObj::value)
                .map_err(convert::chunk_error)
        },
    );
    for d in DType::ALL {
        let name = if d == DType::Bool {
            "bool_".to_string()
        } else {
            d.name().to_string()
        };
        m.set(&name, Value::object(DTypeObj(d)));
    }
    m.func(
        "dtype",
        "dtype(obj)",
        "A data type object.",
        |_vm, mut a| {
            Ok(Value::object(DTypeObj(convert::dtype(&req(
                &mut a, 0, "obj", "dtype",
            )?)?)))
        },
    );
    m.set("nan", Value::Float(f64::NAN));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("newaxis", Value::None);
    m.set("random", random_module());
    m.set("linalg", super::linalg::module());
    super::complexfns::add(&m);
    Value::Module(m)
}
