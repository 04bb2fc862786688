//! Between arrays and delayed values: `x.to_delayed()` (one Delayed per block, in
//! the block grid's nesting) and `da.from_delayed(value, shape, dtype)`.

use super::convert;
use super::objects::ArrayObj;
use super::run;
use crate::array::slicing::{getitem, IndexItem};
use crate::array::{self, Array};
use crate::chunk::{ChunkError, DType};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::modules::dask_delayed::{
    as_delayed, compute_delayed, make_call, Action, DelayedObj,
};
use crate::lang::value::{Builtin, Value};
use crate::sched::Scheduler;
use std::sync::Arc;

fn compute_block() -> Value {
    Builtin::value(
        "compute-block",
        "",
        "Compute one block of a lazy array.",
        |vm, a| {
            let x = super::objects::as_array(&a.pos[0])
                .ok_or_else(|| exc::type_error("not a lazy array"))?;
            Ok(run::compute(vm, &[x], Scheduler::Sync)?.remove(0))
        },
    )
}

/// `x.to_delayed()`: nested lists (one level per axis) of Delayed blocks.
pub fn to_delayed(x: &Array) -> PyResult<Value> {
    let meta = x.meta();
    let f = compute_block();
    let grid: Vec<usize> = meta.chunks.iter().map(Vec::len).collect();
    let mut flat = Vec::new();
    for idx in meta.block_indices() {
        let (off, shp) = (meta.block_offset(&idx), meta.block_shape(&idx));
        let sel: Vec<IndexItem> = off
            .iter()
            .zip(&shp)
            .map(|(&o, &n)| IndexItem::Slice(Some(o as i64), Some((o + n) as i64), None))
            .collect();
        let block = getitem(x, &sel).map_err(convert::array_error)?;
        let d = make_call(
            Action::Call(f.clone()),
            x.name(),
            &[ArrayObj::value(block)],
            &[],
            true,
            None,
            None,
        );
        flat.push(DelayedObj::value(d));
    }
    fn nest(items: &mut std::vec::IntoIter<Value>, grid: &[usize]) -> Value {
        match grid {
            [] => items.next().unwrap_or(Value::None),
            [n, rest @ ..] => Value::list((0..*n).map(|_| nest(items, rest)).collect()),
        }
    }
    Ok(nest(&mut flat.into_iter(), &grid))
}

/// `da.from_delayed(value, shape, dtype=float64)`: a one-block array computed by `value`.
pub fn from_delayed(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let v = a
        .arg(0, "value")
        .ok_or_else(|| exc::type_error("from_delayed() missing required argument: 'value'"))?;
    let d = as_delayed(&v).ok_or_else(|| {
        exc::type_error(format!(
            "from_delayed() needs a Delayed value, not {}",
            v.type_name()
        ))
    })?;
    let shape =
        convert::shape(&a.arg(1, "shape").ok_or_else(|| {
            exc::type_error("from_delayed() missing required argument: 'shape'")
        })?)?;
    let dtype = match a.take_kw("dtype").or_else(|| a.pos.get(2).cloned()) {
        None | Some(Value::None) => DType::Float64,
        Some(t) => convert::dtype(&t)?,
    };
    let _ = a.take_kw("meta");
    let _ = a.take_kw("name");
    let ctx = vm.ctx.clone();
    let key = d.key().name().to_string();
    let f: array::creation::BlockFn = Arc::new(move || {
        let mut vm = Vm::new(&ctx);
        let v = compute_delayed(&mut vm, std::slice::from_ref(&d), Scheduler::Sync)
            .map_err(|e| ChunkError::Value(format!("{}: {}", e.name(), e.message())))?
            .remove(0);
        super::numpy::to_chunk(&v)
            .map_err(|e| ChunkError::Value(format!("{}: {}", e.name(), e.message())))
    });
    array::creation::from_fn(&shape, dtype, f, &key)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}
