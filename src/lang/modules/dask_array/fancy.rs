//! Indexing with arrays: boolean masks (`x[x > 0.5]`, lazily giving unknown
//! block sizes) and integer positions on one axis (`x[[0, 2]]`, `x[:, idx]`),
//! for lazy and eager arrays. Everything else is basic indexing (`convert::index`).

use super::convert;
use super::objects::{as_array, as_ndarray, ArrayObj, NdArrayObj};
use crate::array::{self, Array, ChunkSpec};
use crate::chunk::{self, Chunk, DType};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use std::sync::Arc;

/// An index array: lazy, or eager (from an ndarray or a list of numbers/bools).
enum IndexArray {
    Lazy(Array),
    Eager(Chunk),
}

fn index_array(v: &Value) -> Option<IndexArray> {
    if let Some(a) = as_array(v) {
        return Some(IndexArray::Lazy(a));
    }
    if let Some(c) = as_ndarray(v) {
        return Some(IndexArray::Eager((*c).clone()));
    }
    if let Value::List(_) = v {
        return super::numpy::to_chunk(v).ok().map(IndexArray::Eager);
    }
    None
}

fn is_full(v: &Value) -> bool {
    match v {
        Value::Slice(s) => s.iter().all(|p| matches!(p, Value::None)),
        Value::Ellipsis => true,
        _ => false,
    }
}

/// The array part of a key and the axis it indexes, when the key is an
/// array or a tuple of full slices with one array.
fn split_key(key: &Value) -> Option<PyResult<(IndexArray, usize)>> {
    if let Some(ix) = index_array(key) {
        return Some(Ok((ix, 0)));
    }
    let Value::Tuple(items) = key else {
        return None;
    };
    let pos: Vec<usize> = (0..items.len())
        .filter(|&i| index_array(&items[i]).is_some())
        .collect();
    if pos.is_empty() {
        return None;
    }
    if pos.len() > 1
        || items
            .iter()
            .enumerate()
            .any(|(i, v)| i != pos[0] && !is_full(v))
    {
        return Some(Err(exc::new(
            "NotImplementedError",
            "Tessera indexes with an array on one axis at a time, other axes taking ':' (for example x[:, [0, 2]]); index in two steps for more",
        )));
    }
    if items[..pos[0]].iter().any(|v| matches!(v, Value::Ellipsis)) {
        return Some(Err(exc::new(
            "NotImplementedError",
            "an ellipsis before an index array is not supported by Tessera yet",
        )));
    }
    index_array(&items[pos[0]]).map(|ix| Ok((ix, pos[0])))
}

fn positions(c: &Chunk) -> PyResult<Vec<i64>> {
    if c.ndim() != 1 {
        return Err(exc::new(
            "NotImplementedError",
            "integer index arrays must be 1-D in Tessera for now",
        ));
    }
    if c.dtype().is_float() {
        return Err(exc::new(
            "IndexError",
            "arrays used as indices must be of integer (or boolean) type",
        ));
    }
    Ok(c.to_f64_vec().into_iter().map(|x| x as i64).collect())
}

fn wrap(c: Chunk) -> PyResult<Array> {
    let c = Arc::new(c);
    let token = Arc::as_ptr(&c) as usize as u64;
    array::creation::from_chunk(c, &ChunkSpec::Full, token).map_err(convert::array_error)
}

/// `x[m]` (a mask of x's shape) or, for a 1-D mask of an n-d `x`, the
/// selection along `axis` (`x[m]`, `x[:, m]`).
fn lazy_mask(x: &Array, m: IndexArray, axis: usize) -> PyResult<Value> {
    let m = match m {
        IndexArray::Lazy(a) => a,
        IndexArray::Eager(c) => wrap(c)?,
    };
    let along_axis = m.meta().ndim() == 1 && x.meta().ndim() > 1;
    if !along_axis && axis != 0 {
        return Err(exc::new(
            "NotImplementedError",
            "a boolean mask on one axis of several must be 1-D in Tessera; mask the whole array (x[mask]) or one axis (x[:, m1d])",
        ));
    }
    if along_axis {
        array::mask::mask_axis(x, &m, axis)
    } else {
        array::mask::mask(x, &m)
    }
    .map(ArrayObj::value)
    .map_err(convert::array_error)
}

/// `x[..., m, ...]` for a lazy `x` and a concrete 1-D mask: a `take` of the
/// mask's true positions (known chunk sizes), after NumPy's length check.
fn eager_mask_positions(x: &Array, m: &Chunk, axis: usize) -> PyResult<Value> {
    let len = x.meta().shape[axis];
    if len != array::UNKNOWN && len != m.size() {
        return Err(exc::new(
            "IndexError",
            format!(
                "Boolean array with size {} is not long enough for axis {axis} with size {len}",
                m.size()
            ),
        ));
    }
    if len == array::UNKNOWN {
        return lazy_mask(x, IndexArray::Eager(m.clone()), axis);
    }
    let picks: Vec<i64> = m
        .to_f64_vec()
        .iter()
        .enumerate()
        .filter(|(_, &b)| b != 0.0)
        .map(|(i, _)| i as i64)
        .collect();
    array::take::take(x, &picks, axis)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}

/// `x[key]` for a lazy `x` when the key holds an array; `None` otherwise.
pub fn lazy_getitem(x: &Array, key: &Value) -> Option<PyResult<Value>> {
    let (ix, axis) = match split_key(key)? {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    let dtype = match &ix {
        IndexArray::Lazy(a) => a.meta().dtype,
        IndexArray::Eager(c) => c.dtype(),
    };
    Some(if dtype == DType::Bool {
        match ix {
            // A concrete 1-D mask is its true positions (Dask does the same),
            // so the result keeps known chunk sizes.
            IndexArray::Eager(m) if m.ndim() == 1 && axis < x.meta().ndim() => {
                eager_mask_positions(x, &m, axis)
            }
            ix => lazy_mask(x, ix, axis),
        }
    } else {
        match ix {
            IndexArray::Lazy(_) => Err(exc::new(
                "NotImplementedError",
                "indexing with a lazy integer array is not supported by Tessera yet; compute the indices first",
            )),
            IndexArray::Eager(c) => positions(&c).and_then(|p| {
                if axis >= x.meta().ndim() {
                    return Err(exc::new("IndexError", "too many indices for array"));
                }
                array::take::take(x, &p, axis)
                    .map(ArrayObj::value)
                    .map_err(convert::array_error)
            }),
        }
    })
}

/// `c[key]` for an eager `c` when the key holds an array; `None` otherwise.
/// A lazy mask makes the result lazy.
pub fn eager_getitem(c: &Arc<Chunk>, key: &Value) -> Option<PyResult<Value>> {
    let (ix, axis) = match split_key(key)? {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    Some(match ix {
        IndexArray::Lazy(m) => wrap((**c).clone()).and_then(|x| {
            if m.meta().dtype == DType::Bool {
                lazy_mask(&x, IndexArray::Lazy(m), axis)
            } else {
                Err(exc::new(
                    "NotImplementedError",
                    "indexing an eager array with a lazy integer array is not supported by Tessera yet; compute the indices first",
                ))
            }
        }),
        IndexArray::Eager(m) if m.dtype() == DType::Bool => {
            if axis != 0 && m.ndim() != 1 {
                Err(exc::new(
                    "NotImplementedError",
                    "a boolean mask on one axis of several must be 1-D in Tessera",
                ))
            } else {
                if axis != 0 { chunk::mask_axis(c, &m, axis) } else { chunk::mask_select(c, &m) }
                    .map(NdArrayObj::value)
                    .map_err(|e| match e {
                        chunk::ChunkError::Value(m) => exc::new("IndexError", m),
                        other => convert::chunk_error(other),
                    })
            }
        }
        IndexArray::Eager(m) => positions(&m).and_then(|p| {
            if axis >= c.ndim() {
                return Err(exc::new("IndexError", "too many indices for array"));
            }
            chunk::take(c, &p, axis as isize)
                .map(|r| Value::object(NdArrayObj::new(Arc::new(r))))
                .map_err(convert::chunk_error)
        }),
    })
}
