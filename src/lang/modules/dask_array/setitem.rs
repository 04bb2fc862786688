//! `x[key] = value` for the dialect's arrays. Eager arrays change in place
//! with NumPy's rules and messages (`chunk::setitem`); lazy arrays take a new
//! expression as Dask's `Array.__setitem__` does: a boolean-array key becomes
//! `where(key, value, x)`, every other key an O(1) `array::setitem` plan
//! (the lazy side is `setitem_lazy.rs`).
//! Keys: integers, slices (any step), `...`, `None`, at most one integer list
//! or 1-d boolean array on one axis (for lazy arrays also a lazy 1-d integer
//! array, `array::setitem_index`), or a boolean mask of the array's shape.

use super::convert;
use super::eager::NdArrayObj;
use super::objects::{as_array, as_ndarray, tuple_repr};
use crate::array::{self, Array, IndexItem};
use crate::chunk::setitem::{assign, assign_mask, Place};
use crate::chunk::{Chunk, ChunkError, DType, Kind};
use crate::lang::eval::Vm;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;

/// One entry of an assignment key.
pub(super) enum Item {
    Basic(IndexItem),
    /// An eager integer or boolean array (from an ndarray or a list).
    Eager(Chunk),
    /// A lazy index array.
    Lazy(Array),
}

fn item(v: &Value) -> PyResult<Item> {
    if let Some(a) = as_array(v) {
        return Ok(Item::Lazy(a));
    }
    if as_ndarray(v).is_some() || matches!(v, Value::List(_) | Value::Tuple(_)) {
        let c = super::numpy::to_chunk(v)?;
        if c.dtype().is_float() && c.size() > 0 {
            return Err(exc::new(
                "IndexError",
                "arrays used as indices must be of integer (or boolean) type",
            ));
        }
        return Ok(Item::Eager(c));
    }
    if let Value::Bool(b) = v {
        return Err(exc::new(
            "NotImplementedError",
            format!(
                "dask does not yet implement assignment to a scalar boolean index: {}",
                if *b { "True" } else { "False" }
            ),
        ));
    }
    let mut one = convert::index(v)?;
    Ok(Item::Basic(one.remove(0)))
}

pub(super) fn items(key: &Value) -> PyResult<Vec<Item>> {
    match key {
        Value::Tuple(t) => t.iter().map(item).collect(),
        other => Ok(vec![item(other)?]),
    }
}

/// The messages of the two libraries for the same mistakes.
pub(super) struct Wording {
    pub(super) lazy: bool,
}

impl Wording {
    fn too_many(&self, ndim: usize, given: usize) -> Box<exc::PyErr> {
        exc::new(
            "IndexError",
            if self.lazy {
                "Too many indices for array".to_string()
            } else {
                format!(
                    "too many indices for array: array is {ndim}-dimensional, but {given} were indexed"
                )
            },
        )
    }
    fn out_of_bounds(&self, i: Option<i64>, axis: usize, n: usize) -> Box<exc::PyErr> {
        exc::new(
            "IndexError",
            match (self.lazy, i) {
                (true, Some(i)) => {
                    format!("Index {i} is out of bounds for axis {axis} with size {n}")
                }
                (true, None) => format!("Index is out of bounds for axis {axis} with size {n}"),
                (false, i) => format!(
                    "index {} is out of bounds for axis {axis} with size {n}",
                    i.unwrap_or_default()
                ),
            },
        )
    }
}

fn position(i: i64, n: usize) -> Option<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    (0..n as i64).contains(&j).then_some(j as usize)
}

/// An index array on one axis as positions (a 1-d boolean array picks its
/// true entries, as NumPy does).
fn list_place(c: &Chunk, axis: usize, n: usize, w: &Wording) -> PyResult<Place> {
    if c.ndim() != 1 {
        return Err(exc::new(
            if w.lazy {
                "IndexError"
            } else {
                "NotImplementedError"
            },
            if w.lazy {
                format!(
                    "Incorrect shape ({}) of integer indices for dimension with size {n}",
                    tuple_repr(c.shape())
                )
            } else {
                "Tessera assigns with a 1-d index array on one axis, or a boolean mask of the array's shape".into()
            },
        ));
    }
    let vals = c.to_f64_vec();
    if c.dtype() == DType::Bool {
        if vals.len() != n {
            return Err(exc::new(
                "IndexError",
                if w.lazy {
                    format!("boolean index did not match indexed array along dimension {axis}; dimension is {n} but corresponding boolean dimension is {}", vals.len())
                } else {
                    format!("boolean index did not match indexed array along axis {axis}; size of axis is {n} but size of corresponding boolean axis is {}", vals.len())
                },
            ));
        }
        return Ok(Place::List((0..n).filter(|&i| vals[i] != 0.0).collect()));
    }
    let mut out = Vec::with_capacity(vals.len());
    for &v in &vals {
        let i = v as i64;
        out.push(position(i, n).ok_or_else(|| w.out_of_bounds((!w.lazy).then_some(i), axis, n))?);
    }
    Ok(Place::List(out))
}

/// One place per axis of an array of `shape` for a key without a mask.
pub(super) fn places(shape: &[usize], items: &[Item], w: &Wording) -> PyResult<Vec<Place>> {
    let consumed = items
        .iter()
        .filter(|i| !matches!(i, Item::Basic(IndexItem::NewAxis | IndexItem::Ellipsis)))
        .count();
    if consumed > shape.len() {
        return Err(w.too_many(shape.len(), consumed));
    }
    let arrays = items
        .iter()
        .filter(|i| !matches!(i, Item::Basic(_)))
        .count();
    if arrays > 1 {
        return Err(exc::new(
            "NotImplementedError",
            "dask is currently limited to at most one dimension's assignment index being a 1-d array of integers or booleans",
        ));
    }
    let mut out = Vec::with_capacity(shape.len());
    let mut ellipsis = false;
    for it in items {
        let ax = out.len();
        match it {
            Item::Basic(IndexItem::NewAxis) => {}
            Item::Basic(IndexItem::Ellipsis) => {
                if ellipsis {
                    return Err(exc::new(
                        "IndexError",
                        "an index can only have a single ellipsis ('...')",
                    ));
                }
                ellipsis = true;
                let fill = shape.len() - consumed;
                out.extend(shape[ax..ax + fill].iter().map(|&n| full(n)));
            }
            Item::Basic(IndexItem::Int(i)) => {
                let n = shape[ax];
                out.push(Place::At(
                    position(*i, n).ok_or_else(|| w.out_of_bounds(Some(*i), ax, n))?,
                ));
            }
            Item::Basic(IndexItem::Slice(s, e, st)) => {
                let (start, step, len) = array::slicing::slice_indices(shape[ax], *s, *e, *st)
                    .map_err(convert::array_error)?;
                out.push(Place::Range { start, step, len });
            }
            Item::Eager(c) => out.push(list_place(c, ax, shape[ax], w)?),
            Item::Lazy(k) if k.meta().dtype != DType::Bool => {
                // Filled in by `array::setitem_index` when computed.
                out.push(Place::List(Vec::new()));
            }
            Item::Lazy(_) => {
                return Err(exc::new(
                    "NotImplementedError",
                    "Tessera assigns through a lazy boolean index only as a mask of the whole array (x[x > 0] = v); compute the index first",
                ))
            }
        }
    }
    while out.len() < shape.len() {
        out.push(full(shape[out.len()]));
    }
    Ok(out)
}

fn full(n: usize) -> Place {
    Place::Range {
        start: 0,
        step: 1,
        len: n,
    }
}

/// A Python value (or list) as an array to assign into `dtype`, with NumPy's
/// scalar rules: floats into integers truncate, NaN and infinity refuse, and
/// Python integers out of the type's range overflow.
pub(super) fn eager_value(vm: &mut Vm, v: &Value, dtype: DType, lazy: bool) -> PyResult<Chunk> {
    if let Some(c) = as_ndarray(v) {
        if lazy {
            check_finite(&c, dtype, true)?;
        }
        return Ok((*c).clone());
    }
    if as_array(v).is_some() {
        return super::diskio::eager(vm, v);
    }
    let c = match v {
        Value::List(_) | Value::Tuple(_) => super::numpy::to_chunk(v)?,
        Value::None if dtype.kind() != Kind::Float && dtype != DType::Bool => {
            return Err(exc::type_error(
                "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
            ))
        }
        Value::None if dtype == DType::Bool => super::numpy::to_chunk(&Value::Bool(false))?,
        other => {
            let s = super::objects::scalar_for(dtype, other.clone())?;
            super::numpy::to_chunk(&s)?
        }
    };
    check_finite(&c, dtype, lazy)?;
    if matches!(dtype.kind(), Kind::Int | Kind::UInt) && !c.dtype().is_float() {
        for x in c.to_f64_vec() {
            super::objects::scalar_for(dtype, Value::Int(x as i64))?;
        }
    }
    Ok(c)
}

/// NumPy's (and Dask's) refusal to put NaN or infinity into integers.
fn check_finite(c: &Chunk, dtype: DType, lazy: bool) -> PyResult<()> {
    if !c.dtype().is_float() || !matches!(dtype.kind(), Kind::Int | Kind::UInt) {
        return Ok(());
    }
    for x in c.to_f64_vec() {
        if x.is_nan() {
            return Err(exc::value_error("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            let msg = "cannot convert float infinity to integer";
            return Err(if lazy {
                exc::value_error(msg)
            } else {
                exc::new("OverflowError", msg)
            });
        }
        if matches!(dtype.kind(), Kind::Int | Kind::UInt) && x.abs() >= 2f64.powi(63) {
            return Err(exc::new(
                "OverflowError",
                "Python int too large to convert to C long",
            ));
        }
    }
    Ok(())
}

fn kernel_error(e: ChunkError) -> Box<exc::PyErr> {
    match e {
        ChunkError::DType(m) => exc::type_error(m),
        other => convert::chunk_error(other),
    }
}

/// `a[key] = v` for an eager array: in place, seen by every view of it.
pub fn eager_setitem(vm: &mut Vm, a: &NdArrayObj, key: &Value, v: Value) -> PyResult<()> {
    // Shape and dtype only: a snapshot kept alive would make the write copy.
    let (shape, dtype) = {
        let cur = a.chunk();
        (cur.shape().to_vec(), cur.dtype())
    };
    // Everything is read before the array is locked: the value may be a view of it.
    let value = eager_value(vm, &v, dtype, false)?;
    let items = items(key)?;
    let w = Wording { lazy: false };
    if let [Item::Eager(m)] = items.as_slice() {
        if m.dtype() == DType::Bool && m.ndim() == shape.len() {
            if let Some(ax) = (0..shape.len()).find(|&i| m.shape()[i] != shape[i]) {
                return Err(exc::new("IndexError", format!(
                    "boolean index did not match indexed array along axis {ax}; size of axis is {} but size of corresponding boolean axis is {}",
                    shape[ax], m.shape()[ax]
                )));
            }
            return a
                .store()
                .update(|c| assign_mask(c, m, &value))
                .map_err(kernel_error);
        }
    }
    if items.iter().any(|i| matches!(i, Item::Lazy(_))) {
        return Err(exc::new(
            "NotImplementedError",
            "assigning into a NumPy array through a lazy index needs it computed: use key.compute()",
        ));
    }
    let places = places(&shape, &items, &w)?;
    a.store()
        .update(|c| assign(c, &places, &value))
        .map_err(kernel_error)
}
