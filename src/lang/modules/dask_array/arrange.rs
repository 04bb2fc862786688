//! `broadcast_to`, `repeat`, `tile`, `block`, `diff` and
//! `nan_to_num` for `np` and `da` (and `x.repeat`): lazy under `da` or when
//! given a lazy array, eager otherwise. Shapes and chunks come from
//! `array::{broadcast, repeat, block, diff}`, values from `chunk::arrange`
//! (`pad` is in `padding.rs`).

use super::convert;
use super::objects::{as_array, as_ndarray, ArrayObj, NdArrayObj};
use super::req;
use crate::array::{self, block::Nested, Array, ChunkSpec};
use crate::chunk::{self, Chunk};
use crate::lang::builtins::to_int;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use std::sync::Arc;

/// One array argument: lazy (given lazy, or under `da`) or eager.
pub(super) enum Input {
    /// A lazy array.
    Lazy(Array),
    /// An eager array.
    Eager(Chunk),
}

/// A lazy array over an eager one, in one block (as `da.asarray` of a small array).
pub(super) fn wrap(c: Chunk) -> PyResult<Array> {
    let token = Arc::new(c);
    let t = Arc::as_ptr(&token) as usize as u64;
    array::creation::from_chunk(token, &ChunkSpec::Full, t).map_err(convert::array_error)
}

/// The array argument `v` (an array, a number or nested lists).
pub(super) fn input(v: &Value, lazy: bool) -> PyResult<Input> {
    if let Some(a) = as_array(v) {
        return Ok(Input::Lazy(a));
    }
    let c = super::numpy::to_chunk(v)?;
    Ok(if lazy {
        Input::Lazy(wrap(c)?)
    } else {
        Input::Eager(c)
    })
}

/// A lazy result as a dialect value (array-layer errors as exceptions).
pub(super) fn lazy_out(r: Result<Array, array::ArrayError>) -> PyResult<Value> {
    r.map(ArrayObj::value).map_err(convert::array_error)
}

/// An eager result as a dialect value (chunk-layer errors as exceptions).
pub(super) fn eager_out(r: chunk::Result<Chunk>) -> PyResult<Value> {
    r.map(NdArrayObj::value).map_err(convert::chunk_error)
}

pub(super) fn int_arg(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            other.type_name()
        ))),
    }
}

fn opt_axis(a: &mut Args, i: usize) -> PyResult<Option<isize>> {
    match a.arg(i, "axis") {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(to_int(&v, "axis")? as isize)),
    }
}

fn ints_of(v: &Value) -> PyResult<Vec<i64>> {
    match v {
        Value::Tuple(t) => t.iter().map(|x| int_arg(x, "")).collect(),
        Value::List(l) => l.read().iter().map(|x| int_arg(x, "")).collect(),
        other => Ok(vec![int_arg(other, "")?]),
    }
}

fn broadcast_to(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "array", "broadcast_to")?;
    let shape = convert::shape(&req(a, 1, "shape", "broadcast_to")?)?;
    let chunks = a.arg(2, "chunks");
    match input(&x, lazy)? {
        Input::Lazy(arr) => {
            let c = match chunks {
                None | Some(Value::None) => None,
                Some(v) => {
                    let spec = convert::chunks(Some(&v), shape.len())?;
                    Some(
                        array::chunks::normalize(&spec, &shape, arr.meta().dtype.itemsize())
                            .map_err(convert::array_error)?,
                    )
                }
            };
            lazy_out(array::broadcast::broadcast_to(&arr, &shape, c))
        }
        Input::Eager(c) => {
            let ok = shape.len() >= c.ndim()
                && c.shape()
                    .iter()
                    .zip(&shape[shape.len() - c.ndim()..])
                    .all(|(&o, &n)| o == 1 || o == n);
            if !ok {
                let nd = shape.len().max(c.ndim());
                let mut remapped = vec![1usize; nd.saturating_sub(c.ndim())];
                remapped.extend(c.shape());
                let comma = |s: &[usize]| chunk::shape_str(s).replace(' ', "");
                return Err(exc::value_error(format!(
                    "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
                    comma(c.shape()),
                    comma(&shape)
                )));
            }
            eager_out(c.broadcast_to(&shape))
        }
    }
}

fn repeat_values(x: &Value, r: &Value, axis: Option<isize>, lazy: bool) -> PyResult<Value> {
    match input(x, lazy)? {
        Input::Lazy(arr) => {
            let n = match r {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ => {
                    return Err(exc::new(
                        "NotImplementedError",
                        "Only integer valued repeats supported",
                    ))
                }
            };
            lazy_out(array::repeat::repeat(&arr, n, axis))
        }
        Input::Eager(c) => {
            let n = int_arg(r, "")?;
            if n < 0 {
                return Err(exc::value_error("negative dimensions are not allowed"));
            }
            eager_out(chunk::arrange::repeat(&c, n as usize, axis))
        }
    }
}

fn tile(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "A", "tile")?;
    let reps = ints_of(&req(a, 1, "reps", "tile")?)?;
    match input(&x, lazy)? {
        Input::Lazy(arr) => lazy_out(array::block::tile(&arr, &reps)),
        Input::Eager(c) => {
            if reps.iter().any(|&r| r < 0) {
                return Err(exc::value_error("negative dimensions are not allowed"));
            }
            let r: Vec<usize> = reps.iter().map(|&v| v as usize).collect();
            eager_out(chunk::arrange::tile(&c, &r))
        }
    }
}

/// The nested lists of `block`, checked for tuples (NumPy's TypeError).
fn nested(v: &Value, index: &mut Vec<usize>, lazy: bool) -> PyResult<(Nested, bool)> {
    match v {
        Value::Tuple(_) => {
            let mut s = "arrays".to_string();
            for i in index.iter() {
                s.push_str(&format!("[{i}]"));
            }
            Err(exc::type_error(format!(
                "{s} is a tuple. Only lists can be used to arrange blocks, and np.block does not allow implicit conversion from tuple to ndarray."
            )))
        }
        Value::List(l) => {
            let items = l.read().clone();
            let mut out = Vec::with_capacity(items.len());
            let mut any_lazy = false;
            for (i, it) in items.iter().enumerate() {
                index.push(i);
                let (n, z) = nested(it, index, lazy)?;
                index.pop();
                any_lazy |= z;
                out.push(n);
            }
            Ok((Nested::List(out), any_lazy))
        }
        other => {
            let is_lazy = as_array(other).is_some();
            let arr = match input(other, true)? {
                Input::Lazy(a) => a,
                Input::Eager(_) => unreachable!("input(.., true) is lazy"),
            };
            Ok((Nested::Leaf(arr), is_lazy || lazy))
        }
    }
}

fn block(vm: &mut Vm, a: &mut Args, lazy: bool) -> PyResult<Value> {
    let arrays = req(a, 0, "arrays", "block")?;
    let (n, any_lazy) = nested(&arrays, &mut Vec::new(), lazy)?;
    let r = array::block::block(&n).map_err(convert::array_error)?;
    if any_lazy {
        Ok(ArrayObj::value(r))
    } else {
        let mut out = super::run::compute(vm, &[r], crate::sched::Scheduler::Sync)?;
        Ok(out.remove(0))
    }
}

/// A `prepend`/`append` argument of `diff` (None: not given, as in Dask).
fn diff_end(a: &mut Args, i: usize, name: &str, lazy: bool) -> PyResult<Option<Input>> {
    match a.arg(i, name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => input(&v, lazy).map(Some),
    }
}

fn diff(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "a", "diff")?;
    let n = match a.arg(1, "n") {
        None => 1,
        Some(v) => int_arg(&v, "")?,
    };
    let axis = match a.arg(2, "axis") {
        None => -1,
        Some(v) => to_int(&v, "axis")? as isize,
    };
    let lazy = lazy || [&x].iter().any(|v| as_array(v).is_some());
    let (pre, app) = (
        diff_end(a, 3, "prepend", lazy)?,
        diff_end(a, 4, "append", lazy)?,
    );
    a.check("diff", 5)?;
    let any_lazy = [&pre, &app]
        .iter()
        .any(|e| matches!(e, Some(Input::Lazy(_))));
    let x = input(&x, lazy || any_lazy)?;
    if n == 0 {
        return Ok(match x {
            Input::Lazy(arr) => super::objects::ArrayObj::value(arr),
            Input::Eager(c) => NdArrayObj::value(c),
        });
    }
    let lazy_end = |e: Option<Input>| -> PyResult<Option<Array>> {
        Ok(match e {
            None => None,
            Some(Input::Lazy(a)) => Some(a),
            Some(Input::Eager(c)) => Some(wrap(c)?),
        })
    };
    match x {
        Input::Lazy(arr) => {
            let (p, q) = (lazy_end(pre)?, lazy_end(app)?);
            lazy_out(array::diff::diff(&arr, n, axis, p.as_ref(), q.as_ref()))
        }
        Input::Eager(c) => {
            if n < 0 {
                return Err(exc::value_error(format!(
                    "order must be non-negative but got {n}"
                )));
            }
            let ends = |e: Option<Input>| match e {
                Some(Input::Eager(c)) => Some(c),
                _ => None,
            };
            eager_out(eager_diff(&c, n as usize, axis, ends(pre), ends(app)))
        }
    }
}

/// NumPy's `diff` with `prepend`/`append` joined along the axis first.
fn eager_diff(
    c: &Chunk,
    n: usize,
    axis: isize,
    pre: Option<Chunk>,
    app: Option<Chunk>,
) -> chunk::Result<Chunk> {
    if c.ndim() == 0 || (pre.is_none() && app.is_none()) {
        return chunk::arrange::diff(c, n, axis);
    }
    let ax = chunk::norm_axis(axis, c.ndim())?;
    let end = |e: Chunk| -> chunk::Result<Chunk> {
        if e.ndim() > 0 {
            return Ok(e);
        }
        let mut shape = c.shape().to_vec();
        shape[ax] = 1;
        e.broadcast_to(&shape)
    };
    let mut parts = Vec::with_capacity(3);
    if let Some(p) = pre {
        parts.push(end(p)?);
    }
    parts.push(c.clone());
    if let Some(p) = app {
        parts.push(end(p)?);
    }
    chunk::arrange::diff(&chunk::concatenate(&parts, ax as isize)?, n, ax as isize)
}

fn float_kw(a: &mut Args, i: usize, name: &str) -> PyResult<Option<f64>> {
    match a.arg(i, name) {
        None | Some(Value::None) => Ok(None),
        Some(v) => crate::lang::builtins::to_f64(&v).map(Some),
    }
}

fn nan_to_num(a: &mut Args, lazy: bool) -> PyResult<Value> {
    let x = req(a, 0, "x", "nan_to_num")?;
    let _copy = a.arg(1, "copy");
    let nan = float_kw(a, 2, "nan")?.unwrap_or(0.0);
    let posinf = float_kw(a, 3, "posinf")?;
    let neginf = float_kw(a, 4, "neginf")?;
    a.check("nan_to_num", 5)?;
    match input(&x, lazy)? {
        Input::Lazy(arr) => lazy_out(array::nanfix::nan_to_num(&arr, nan, posinf, neginf)),
        Input::Eager(c) => eager_out(chunk::nanfix::nan_to_num(&c, nan, posinf, neginf)),
    }
}

/// Add the functions to `np` (`lazy` false) or `da` (`lazy` true).
pub fn add(m: &Module, lazy: bool) {
    m.func(
        "broadcast_to",
        "broadcast_to(array, shape, chunks=None)",
        "The array repeated (as a read-only view) to a larger shape by broadcasting rules.",
        move |_vm, mut a| broadcast_to(&mut a, lazy),
    );
    m.func(
        "repeat",
        "repeat(a, repeats, axis=None)",
        "Each element repeated `repeats` times in a row along `axis`.",
        move |_vm, mut a| {
            let x = req(&mut a, 0, "a", "repeat")?;
            let r = req(&mut a, 1, "repeats", "repeat")?;
            let axis = opt_axis(&mut a, 2)?;
            a.check("repeat", 3)?;
            repeat_values(&x, &r, axis, lazy)
        },
    );
    m.func(
        "tile",
        "tile(A, reps)",
        "The whole array repeated `reps` times along each axis.",
        move |_vm, mut a| tile(&mut a, lazy),
    );
    m.func(
        "pad",
        "pad(array, pad_width, mode='constant', **kwargs)",
        "The array with a border: constants, its edges, reflections, wraps, ramps or statistics.",
        move |_vm, mut a| super::padding::pad(&mut a, lazy),
    );
    m.func(
        "block",
        "block(arrays)",
        "An array assembled from nested lists of blocks (innermost lists along the last axis).",
        move |vm, mut a| block(vm, &mut a, lazy),
    );
    m.func(
        "diff",
        "diff(a, n=1, axis=-1, prepend=None, append=None)",
        "The n-th discrete difference along an axis.",
        move |_vm, mut a| diff(&mut a, lazy),
    );
    m.func(
        "nan_to_num",
        "nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)",
        "NaN and infinities replaced by finite numbers.",
        move |_vm, mut a| nan_to_num(&mut a, lazy),
    );
}

/// `x.repeat(repeats, axis=None)` for lazy (`recv` an `Array`) and eager arrays.
pub fn repeat_method(recv: Value) -> Value {
    super::methods::bound(
        "repeat",
        "repeat(repeats, axis=None)",
        "Each element repeated `repeats` times in a row along `axis`.",
        move |_vm, mut a| {
            let r = req(&mut a, 0, "repeats", "repeat")?;
            let axis = opt_axis(&mut a, 1)?;
            a.check("repeat", 2)?;
            let lazy = as_ndarray(&recv).is_none();
            repeat_values(&recv, &r, axis, lazy)
        },
    )
}
