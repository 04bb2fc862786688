//! `x[key] = value` for lazy arrays, as Dask's `Array.__setitem__` builds
//! it: a new expression replaces the array's (`setitem.rs` parses the key).

use super::convert;
use super::objects::{as_array, tuple_repr, ArrayObj};
use super::setitem::{eager_value, items, places, Item, Wording};
use crate::array::{self, Array};
use crate::chunk::setitem::Place;
use crate::chunk::{DType, Kind};
use crate::lang::eval::Vm;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use std::sync::Arc;

fn lazy_value(vm: &mut Vm, v: &Value, dtype: DType) -> PyResult<Array> {
    if let Some(a) = as_array(v) {
        return Ok(a);
    }
    let c = Arc::new(
        eager_value(vm, v, dtype, true)?
            .astype(dtype)
            .map_err(convert::chunk_error)?,
    );
    let token = Arc::as_ptr(&c) as usize as u64;
    array::creation::from_chunk(c, &array::ChunkSpec::Full, token).map_err(convert::array_error)
}

/// Dask's message for an array of unknown chunk sizes in `__setitem__`.
fn unknown_chunks() -> Box<exc::PyErr> {
    exc::value_error(
        "Arrays chunk sizes are unknown. \n\nA possible solution: \
         https://docs.dask.org/en/latest/array-chunks.html#unknown-chunks\n\
         Summary: to compute chunks sizes, use\n\n   \
         x.compute_chunk_sizes()  # for Dask Array `x`\n   \
         ddf.to_dask_array(lengths=True)  # for Dask DataFrame `ddf`",
    )
}

/// `x[mask] = value` for a boolean array `mask` of `x`'s shape: Dask's `where`.
fn lazy_mask(x: &Array, mask: &Array, value: &Array) -> PyResult<Array> {
    let (ks, xs) = (&mask.meta().shape, &x.meta().shape);
    let same = ks.len() == xs.len()
        && ks
            .iter()
            .zip(xs)
            .all(|(&a, &b)| a == b || a == array::UNKNOWN || b == array::UNKNOWN);
    if !same {
        return Err(exc::new(
            "IndexError",
            format!(
                "boolean index shape {} must match indexed array's {}.",
                tuple_repr(ks),
                tuple_repr(xs)
            ),
        ));
    }
    let vs = &value.meta().shape;
    if !vs.is_empty() {
        return Err(exc::value_error(if vs.iter().all(|&n| n == 1) {
            format!(
                "operands could not be broadcast together with shapes {} (nan,) {}",
                tuple_repr(ks),
                tuple_repr(xs)
            )
        } else {
            format!("cannot broadcast shape {} to shape (nan,)", tuple_repr(vs))
        }));
    }
    let value = array::elementwise::astype(value, x.meta().dtype).map_err(convert::array_error)?;
    array::select::where3(mask, &value, x).map_err(convert::array_error)
}

/// `x[key] = v` for a lazy array: `x` holds a new expression afterwards.
pub fn lazy_setitem(vm: &mut Vm, obj: &ArrayObj, key: &Value, v: Value) -> PyResult<()> {
    let x = obj.array();
    let value = lazy_value(vm, &v, x.meta().dtype)?;
    let items = items(key)?;
    if let [Item::Lazy(m)] = items.as_slice() {
        // Dask's rule: a lone lazy key that is neither integer nor a 1-d
        // boolean for a many-axis array is a mask (`where`).
        let dt = m.meta().dtype;
        let int = matches!(dt.kind(), Kind::Int | Kind::UInt);
        let axis_mask = dt == DType::Bool && m.meta().ndim() == 1 && x.meta().ndim() > 1;
        if !(int || axis_mask) {
            let m = array::elementwise::astype(m, DType::Bool).map_err(convert::array_error)?;
            obj.replace(lazy_mask(&x, &m, &value)?);
            return Ok(());
        }
    }
    if x.meta().has_unknown() {
        return Err(unknown_chunks());
    }
    let places = places(&x.meta().shape, &items, &Wording { lazy: true })?;
    let lazy_key = items.iter().find_map(|i| match i {
        Item::Lazy(k) => Some(k.clone()),
        _ => None,
    });
    if value.meta().has_unknown() {
        // Dask compares the value's NaN sizes with the selection and fails.
        return Err(exc::value_error(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
            tuple_repr(&value.meta().shape),
            tuple_repr(&crate::chunk::setitem::selection_shape(&places))
        )));
    }
    let y = match lazy_key {
        Some(k) => {
            // The lazy key's axis: the one place `places` left as an empty list.
            let axis = places
                .iter()
                .position(|p| matches!(p, Place::List(v) if v.is_empty()))
                .unwrap_or(0);
            array::setitem_index::setitem_index(&x, &places, axis, &k, &value)
        }
        None => array::setitem::setitem(&x, &places, &value),
    }
    .map_err(convert::array_error)?;
    obj.replace(y);
    Ok(())
}
