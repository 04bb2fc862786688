//! Functions of several arrays for `np` and `da`: `concatenate`, `stack`,
//! `vstack`/`hstack`, `where`, `triu`/`tril`, `dot`/`matmul`/`tensordot`/
//! `outer`, `histogram`, plus the `@` operator and `x.dot(y)`. Each is lazy
//! when any input is lazy (or when called as `da.*`), eager otherwise.

use super::convert;
use super::objects::{as_array, as_ndarray, ArrayObj, NdArrayObj};
use super::req;
use crate::array::{self, Array, ChunkSpec};
use crate::chunk::histogram::Bins;
use crate::chunk::{self, Chunk, DType, PyScalar};
use crate::lang::builtins::to_int;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use std::sync::Arc;

/// One operand as given: a lazy array, an eager array, or a Python number.
enum Operand {
    Lazy(Array),
    /// Shared with the caller's ndarray: an eager operand is never copied.
    Eager(Arc<Chunk>),
    Number(PyScalar),
}

fn operand(v: &Value) -> PyResult<Operand> {
    if let Some(a) = as_array(v) {
        return Ok(Operand::Lazy(a));
    }
    if let Some(s) = convert::scalar(v) {
        return Ok(Operand::Number(s));
    }
    super::numpy::chunk_of(v).map(Operand::Eager)
}

/// A Python number as a 0-d chunk, with NumPy's weak promotion against `like`.
fn number_chunk(s: PyScalar, like: Option<DType>) -> PyResult<Chunk> {
    let (c, kind) = match s {
        PyScalar::Bool(b) => (Chunk::from_vec(vec![b], &[]), chunk::PyScalarKind::Bool),
        PyScalar::Int(i) => (Chunk::from_vec(vec![i], &[]), chunk::PyScalarKind::Int),
        PyScalar::Float(f) => (Chunk::from_vec(vec![f], &[]), chunk::PyScalarKind::Float),
    };
    let c = c.map_err(convert::chunk_error)?;
    match like {
        Some(d) => c
            .astype(DType::promote_scalar(d, kind))
            .map_err(convert::chunk_error),
        None => Ok(c),
    }
}

fn wrap(c: Chunk) -> PyResult<Array> {
    let token = Arc::new(c);
    let t = Arc::as_ptr(&token) as usize as u64;
    array::creation::from_chunk(token, &ChunkSpec::Full, t).map_err(convert::array_error)
}

/// The operands, all lazy (when `lazy` or any is lazy) or all eager.
pub(super) enum Group {
    Lazy(Vec<Array>),
    /// Shared with the callers' ndarrays (read-only operands).
    Eager(Vec<Arc<Chunk>>),
}

pub(super) fn group(values: &[Value], lazy: bool) -> PyResult<Group> {
    let ops: Vec<Operand> = values.iter().map(operand).collect::<PyResult<_>>()?;
    let like = ops.iter().find_map(|o| match o {
        Operand::Lazy(a) => Some(a.meta().dtype),
        Operand::Eager(c) => Some(c.dtype()),
        Operand::Number(_) => None,
    });
    let any_lazy = lazy || ops.iter().any(|o| matches!(o, Operand::Lazy(_)));
    let eager_of = |o: Operand| -> PyResult<Arc<Chunk>> {
        match o {
            Operand::Eager(c) => Ok(c),
            Operand::Number(s) => number_chunk(s, like).map(Arc::new),
            Operand::Lazy(_) => unreachable!("lazy operands are handled first"),
        }
    };
    if any_lazy {
        ops.into_iter()
            .map(|o| match o {
                Operand::Lazy(a) => Ok(a),
                other => wrap(Arc::unwrap_or_clone(eager_of(other)?)),
            })
            .collect::<PyResult<_>>()
            .map(Group::Lazy)
    } else {
        ops.into_iter()
            .map(eager_of)
            .collect::<PyResult<_>>()
            .map(Group::Eager)
    }
}

pub(super) fn lazy_out(r: Result<Array, array::ArrayError>) -> PyResult<Value> {
    r.map(ArrayObj::value).map_err(convert::array_error)
}

pub(super) fn eager_out(r: chunk::Result<Chunk>) -> PyResult<Value> {
    r.map(NdArrayObj::value).map_err(convert::chunk_error)
}

fn axis_arg(a: &mut Args, i: usize, default: i64) -> PyResult<isize> {
    Ok(match a.arg(i, "axis") {
        None | Some(Value::None) => default,
        Some(v) => to_int(&v, "axis")?,
    } as isize)
}

fn sequence(vm: &mut Vm, a: &mut Args, f: &str) -> PyResult<Vec<Value>> {
    let seq = req(a, 0, "arrays", f)?;
    if as_array(&seq).is_some() || as_ndarray(&seq).is_some() {
        return Err(exc::type_error(format!(
            "{f}() takes a sequence of arrays, such as a list or tuple"
        )));
    }
    vm.iterate(&seq)
}

fn join(vm: &mut Vm, mut a: Args, lazy: bool, f: &'static str) -> PyResult<Value> {
    let items = sequence(vm, &mut a, f)?;
    let axis = axis_arg(&mut a, 1, 0)?;
    join_values(&items, axis, lazy, f)
}

fn join_values(items: &[Value], axis: isize, lazy: bool, f: &str) -> PyResult<Value> {
    if items.is_empty() {
        return Err(exc::value_error(format!(
            "need at least one array to {}",
            if f == "stack" { "stack" } else { "concatenate" }
        )));
    }
    match (group(items, lazy)?, f) {
        (Group::Lazy(v), "stack") => lazy_out(array::join::stack(&v, axis)),
        (Group::Lazy(v), _) => lazy_out(array::join::concatenate(&v, axis)),
        (Group::Eager(v), "stack") => {
            let first = v[0].shape().to_vec();
            if v.iter().any(|c| c.shape() != first.as_slice()) {
                return Err(exc::value_error(
                    "all input arrays must have the same shape",
                ));
            }
            let nd = first.len() as isize + 1;
            if axis < -nd || axis >= nd {
                return Err(exc::value_error(format!(
                    "axis {axis} is out of bounds for array of dimension {nd}"
                )));
            }
            let ax = if axis < 0 { axis + nd } else { axis } as usize;
            let mut shape: Vec<isize> = first.iter().map(|&d| d as isize).collect();
            shape.insert(ax, 1);
            let parts: Vec<Chunk> = v
                .iter()
                .map(|c| chunk::reshape(c, &shape))
                .collect::<chunk::Result<_>>()
                .map_err(convert::chunk_error)?;
            eager_out(chunk::concatenate(&parts, ax as isize))
        }
        (Group::Eager(v), _) => {
            let parts: Vec<Chunk> = v.into_iter().map(Arc::unwrap_or_clone).collect();
            eager_out(chunk::concatenate(&parts, axis))
        }
    }
}

fn ndim_of(v: &Value) -> usize {
    match operand(v) {
        Ok(Operand::Lazy(a)) => a.meta().ndim(),
        Ok(Operand::Eager(c)) => c.ndim(),
        _ => 0,
    }
}

/// `vstack`/`hstack` with NumPy's rules for 1-D inputs.
fn stack_like(vm: &mut Vm, mut a: Args, lazy: bool, f: &'static str) -> PyResult<Value> {
    let items = sequence(vm, &mut a, f)?;
    let one_d = items.iter().all(|v| ndim_of(v) <= 1);
    match (f, one_d) {
        ("vstack", true) => join_values(&items, 0, lazy, "stack"),
        ("vstack", false) => join_values(&items, 0, lazy, "concatenate"),
        (_, true) => join_values(&items, 0, lazy, "concatenate"),
        _ => join_values(&items, 1, lazy, "concatenate"),
    }
}

/// `a @ b`, `dot(a, b)`: lazy when either is lazy.
pub fn dot_values(a: &Value, b: &Value, lazy: bool) -> PyResult<Value> {
    match group(&[a.clone(), b.clone()], lazy)? {
        Group::Lazy(v) => lazy_out(array::linalg::dot(&v[0], &v[1])),
        Group::Eager(v) => eager_out(chunk::linalg::dot(&v[0], &v[1])),
    }
}

fn where_fn(vm: &mut Vm, mut a: Args, lazy: bool) -> PyResult<Value> {
    let cond = req(&mut a, 0, "condition", "where")?;
    let (x, y) = (a.arg(1, "x"), a.arg(2, "y"));
    match (x, y) {
        (Some(x), Some(y)) => match group(&[cond, x, y], lazy)? {
            Group::Lazy(v) => lazy_out(array::select::where3(&v[0], &v[1], &v[2])),
            Group::Eager(v) => eager_out(chunk::select::where3(&v[0], &v[1], &v[2])),
        },
        (None, None) => {
            if lazy || as_array(&cond).is_some() {
                return Err(exc::new(
                    "NotImplementedError",
                    "where(condition) with one argument gives arrays of unknown length, which Tessera's lazy arrays do not support yet; compute the condition first: np.nonzero(cond.compute())",
                ));
            }
            nonzero(vm, &cond)
        }
        _ => Err(exc::value_error(
            "either both or neither of x and y should be given",
        )),
    }
}

/// `np.nonzero(a)`: a tuple of int64 index arrays, one per axis.
fn nonzero(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let c = super::numpy::to_chunk(v)?;
    let shape = c.shape().to_vec();
    let flags = c.to_dtype(DType::Bool).map_err(convert::chunk_error)?;
    let mut per_axis: Vec<Vec<i64>> = vec![Vec::new(); shape.len().max(1)];
    let bools = flags.as_array::<bool>().expect("bool");
    for (i, &b) in bools.iter().enumerate() {
        if b {
            let mut rem = i;
            for ax in (0..shape.len()).rev() {
                per_axis[ax].push((rem % shape[ax]) as i64);
                rem /= shape[ax];
            }
        }
    }
    let arrays: Vec<Value> = per_axis
        .into_iter()
        .take(shape.len())
        .map(|v| {
            let n = v.len();
            Chunk::from_vec(v, &[n]).map(|c| Value::object(NdArrayObj::new(Arc::new(c))))
        })
        .collect::<chunk::Result<_>>()
        .map_err(convert::chunk_error)?;
    Ok(Value::tuple(arrays))
}

fn triangle(mut a: Args, lazy: bool, upper: bool) -> PyResult<Value> {
    let f = if upper { "triu" } else { "tril" };
    let m = req(&mut a, 0, "m", f)?;
    let k = match a.arg(1, "k") {
        Some(v) => to_int(&v, "k")?,
        None => 0,
    };
    match group(&[m], lazy)? {
        Group::Lazy(v) => lazy_out(array::select::triangle(&v[0], k, upper)),
        Group::Eager(v) => eager_out(chunk::select::triangle(&v[0], k, upper, (0, 0))),
    }
}

fn tensordot(mut a: Args, lazy: bool) -> PyResult<Value> {
    let x = req(&mut a, 0, "a", "tensordot")?;
    let y = req(&mut a, 1, "b", "tensordot")?;
    let (xn, yn) = (ndim_of(&x), ndim_of(&y));
    let pair = |v: &Value| -> PyResult<i64> {
        match v {
            Value::List(_) | Value::Tuple(_) => {
                let items = match v {
                    Value::List(l) => l.read().clone(),
                    Value::Tuple(t) => t.to_vec(),
                    _ => unreachable!(),
                };
                if items.len() != 1 {
                    return Err(exc::new(
                        "NotImplementedError",
                        "tensordot over more than one pair of axes is not supported by Tessera yet",
                    ));
                }
                to_int(&items[0], "axes")
            }
            other => to_int(other, "axes"),
        }
    };
    let (ax, bx) = match a.arg(2, "axes") {
        None => (2, 2),
        Some(Value::Int(1)) => (xn as i64 - 1, 0),
        Some(v @ (Value::List(_) | Value::Tuple(_))) => {
            let items = match &v {
                Value::List(l) => l.read().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => unreachable!(),
            };
            if items.len() != 2 {
                return Err(exc::value_error(
                    "axes must be an int or a pair of axis lists",
                ));
            }
            (pair(&items[0])?, pair(&items[1])?)
        }
        Some(v) => {
            let n = to_int(&v, "axes")?;
            if n == 0 {
                return outer_fn(&x, &y, lazy);
            }
            (n, n)
        }
    };
    if (ax, bx) == (2, 2) {
        return Err(exc::new(
            "NotImplementedError",
            "tensordot over two pairs of axes is not supported by Tessera yet; use axes=1 or (a.ravel() * b.ravel()).sum()",
        ));
    }
    let norm = |x: i64, n: usize| -> PyResult<usize> {
        let v = if x < 0 { x + n as i64 } else { x };
        if v < 0 || v as usize >= n {
            return Err(exc::value_error(format!(
                "axis {x} is out of bounds for array of dimension {n}"
            )));
        }
        Ok(v as usize)
    };
    let (ax, bx) = (norm(ax, xn)?, norm(bx, yn)?);
    match group(&[x, y], lazy)? {
        Group::Lazy(v) => lazy_out(array::linalg::tensordot(&v[0], &v[1], ax, bx)),
        Group::Eager(v) => {
            let l = if ax + 1 != v[0].ndim() {
                chunk::blocks::permute(&v[0], &[1, 0]).map(Arc::new)
            } else {
                Ok(v[0].clone())
            };
            let r = if bx != 0 {
                chunk::blocks::permute(&v[1], &[1, 0]).map(Arc::new)
            } else {
                Ok(v[1].clone())
            };
            let (l, r) = (
                l.map_err(convert::chunk_error)?,
                r.map_err(convert::chunk_error)?,
            );
            eager_out(chunk::linalg::dot(&l, &r))
        }
    }
}

fn outer_fn(x: &Value, y: &Value, lazy: bool) -> PyResult<Value> {
    match group(&[x.clone(), y.clone()], lazy)? {
        Group::Lazy(v) => {
            let flat = |a: &Array| -> Result<Array, array::ArrayError> {
                if a.meta().ndim() == 1 {
                    Ok(a.clone())
                } else {
                    Err(array::ArrayError::Value(
                        "outer of arrays that are not 1-D is not supported by Tessera yet".into(),
                    ))
                }
            };
            let (a, b) = (
                flat(&v[0]).map_err(convert::array_error)?,
                flat(&v[1]).map_err(convert::array_error)?,
            );
            lazy_out(array::linalg::outer(&a, &b))
        }
        Group::Eager(v) => {
            let col = chunk::reshape(&v[0], &[-1, 1]).map_err(convert::chunk_error)?;
            let row = chunk::reshape(&v[1], &[1, -1]).map_err(convert::chunk_error)?;
            eager_out(chunk::binary(chunk::BinaryOp::Mul, &col, &row))
        }
    }
}

fn number(v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as i64 as f64),
        other => Err(exc::type_error(format!(
            "{what} must be a number, not '{}'",
            other.type_name()
        ))),
    }
}

fn histogram(vm: &mut Vm, mut a: Args, lazy: bool) -> PyResult<Value> {
    let x = req(&mut a, 0, "a", "histogram")?;
    let bins = a.arg(1, "bins").unwrap_or(Value::Int(10));
    let range = a.arg(2, "range").filter(|v| !matches!(v, Value::None));
    let weights = a.arg(3, "weights").filter(|v| !matches!(v, Value::None));
    if matches!(a.take_kw("density"), Some(Value::Bool(true))) {
        return Err(exc::new(
            "NotImplementedError",
            "histogram(density=True) is not supported by Tessera yet; divide the counts by counts.sum() * np.diff(bins)",
        ));
    }
    let range: Option<(f64, f64)> = match range {
        None => None,
        Some(r) => {
            let items = vm.iterate(&r)?;
            if items.len() != 2 {
                return Err(exc::value_error("too many values to unpack (expected 2)"));
            }
            Some((number(&items[0], "range")?, number(&items[1], "range")?))
        }
    };
    let is_lazy = lazy || as_array(&x).is_some() || weights.as_ref().and_then(as_array).is_some();
    let explicit: Option<Vec<f64>> = match &bins {
        Value::Int(_) | Value::Bool(_) => None,
        v => Some(super::numpy::to_chunk(v)?.to_f64_vec()),
    };
    let bins = match (explicit, range) {
        (Some(e), _) => Bins::edges(e),
        (None, Some((lo, hi))) => Bins::uniform(to_int(&bins, "bins")?.max(0) as usize, lo, hi),
        (None, None) if is_lazy => {
            return Err(exc::value_error(
                "dask.array.histogram requires either specifying bins as an iterable or specifying both a range and the number of bins",
            ))
        }
        (None, None) => {
            let c = super::numpy::chunk_of(&x)?;
            let v = c.to_f64_vec();
            let (lo, hi) = if v.is_empty() {
                (0.0, 1.0)
            } else {
                v.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &x| {
                    (l.min(x), h.max(x))
                })
            };
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(exc::value_error(format!(
                    "autodetected range of [{lo}, {hi}] is not finite"
                )));
            }
            Bins::uniform(to_int(&bins, "bins")?.max(0) as usize, lo, hi)
        }
    }
    .map_err(convert::chunk_error)?;
    let edges_chunk = |e: Vec<f64>| {
        let n = e.len();
        Chunk::from_vec(e, &[n]).map_err(convert::chunk_error)
    };
    let values: Vec<Value> = match weights {
        Some(w) => vec![x, w],
        None => vec![x],
    };
    match group(&values, is_lazy)? {
        Group::Lazy(v) => {
            let (counts, edges) =
                array::histogram::histogram(&v[0], bins, v.get(1)).map_err(convert::array_error)?;
            // Dask returns the edges eagerly too: they are known without computing.
            Ok(Value::tuple(vec![
                ArrayObj::value(counts),
                Value::object(NdArrayObj::new(Arc::new(edges_chunk(edges)?))),
            ]))
        }
        Group::Eager(v) => {
            let counts = chunk::histogram::counts(&v[0], &bins, v.get(1).map(|w| &**w))
                .map_err(convert::chunk_error)?;
            Ok(Value::tuple(vec![
                Value::object(NdArrayObj::new(Arc::new(counts))),
                Value::object(NdArrayObj::new(Arc::new(edges_chunk(bins.edge_values())?))),
            ]))
        }
    }
}

/// Add the functions to `np` (`lazy` false) or `da` (`lazy` true).
pub fn add(m: &Module, lazy: bool) {
    for f in ["concatenate", "stack"] {
        m.func(
            f,
            &format!("{f}(arrays, axis=0)"),
            if f == "stack" {
                "Join equal-shaped arrays along a new axis."
            } else {
                "Join arrays along an existing axis."
            },
            move |vm, a| join(vm, a, lazy, f),
        );
    }
    for f in ["vstack", "hstack"] {
        m.func(
            f,
            &format!("{f}(arrays)"),
            "Join arrays by rows (vstack) or columns (hstack), as NumPy does.",
            move |vm, a| stack_like(vm, a, lazy, f),
        );
    }
    m.func(
        "where",
        "where(condition, x, y)",
        "Elements of x where condition holds, else of y (broadcast together).",
        move |vm, a| where_fn(vm, a, lazy),
    );
    if !lazy {
        m.func(
            "nonzero",
            "nonzero(a)",
            "Indices of the non-zero elements, one array per axis.",
            |vm, mut a| {
                let x = req(&mut a, 0, "a", "nonzero")?;
                nonzero(vm, &x)
            },
        );
    }
    for (f, upper) in [("triu", true), ("tril", false)] {
        m.func(
            f,
            &format!("{f}(m, k=0)"),
            "The upper (triu) or lower (tril) triangle; the rest set to zero.",
            move |_vm, a| triangle(a, lazy, upper),
        );
    }
    for f in ["dot", "matmul"] {
        m.func(
            f,
            &format!("{f}(a, b)"),
            "Matrix product (1-D operands are vectors).",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "a", f)?;
                let y = req(&mut a, 1, "b", f)?;
                dot_values(&x, &y, lazy)
            },
        );
    }
    m.func(
        "tensordot",
        "tensordot(a, b, axes=2)",
        "Sum products over one pair of axes (axes=1 or ([i], [j])) of 1-D/2-D arrays.",
        move |_vm, a| tensordot(a, lazy),
    );
    m.func(
        "outer",
        "outer(a, b)",
        "The outer product of two vectors.",
        move |_vm, mut a| {
            let x = req(&mut a, 0, "a", "outer")?;
            let y = req(&mut a, 1, "b", "outer")?;
            outer_fn(&x, &y, lazy)
        },
    );
    m.func(
        "ravel",
        "ravel(a)",
        "The elements as a 1-D array in C order.",
        move |_vm, mut a| {
            let x = req(&mut a, 0, "a", "ravel")?;
            match group(&[x], lazy)? {
                Group::Lazy(v) => lazy_out(array::mask::ravel(&v[0])),
                Group::Eager(v) => eager_out(chunk::reshape(&v[0], &[-1])),
            }
        },
    );
    m.func(
        "histogram",
        "histogram(a, bins=10, range=None, weights=None)",
        "Counts per bin and the bin edges (lazy arrays need bins and range).",
        move |vm, a| histogram(vm, a, lazy),
    );
}

/// `x.dot(y)` on a lazy or eager array.
pub fn dot_method(recv: Value) -> Value {
    super::methods::bound(
        "dot",
        "dot(b)",
        "Matrix product with b.",
        move |_vm, mut a| {
            let y = req(&mut a, 0, "b", "dot")?;
            dot_values(&recv, &y, false)
        },
    )
}
