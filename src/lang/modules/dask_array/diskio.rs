//! What every on-disk array (zarr, HDF5) shares in the dialect: reading
//! through basic indexing, slice assignment, `np.array(...)`, lazy wrapping
//! (`da.from_array`), and `da.store` into one or more of them in one run.

use super::convert;
use super::objects::{as_array, lazy_operand, ArrayObj};
use super::run;
use crate::array::{self, Array, ChunkSpec, IndexItem};
use crate::chunk::Chunk;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::modules::dask_delayed::{make_call, Action, DelayedObj};
use crate::lang::value::{Builtin, Value};
use crate::sched::Scheduler;
use crate::store::{DiskArray, StoreError};
use std::sync::Arc;

/// Refuse keywords Tessera does not implement when they ask for anything
/// but the default (None, False, or `order='C'`), instead of ignoring them.
pub fn refuse_kws(a: &mut Args, names: &[&str], f: &str) -> PyResult<()> {
    for n in names {
        match a.take_kw(n) {
            None | Some(Value::None) | Some(Value::Bool(false)) => {}
            Some(Value::Str(s)) if *n == "order" && &*s == "C" => {}
            Some(_) => {
                return Err(exc::new(
                    "NotImplementedError",
                    format!("{f}(): {n}= is not supported by Tessera yet"),
                ))
            }
        }
    }
    Ok(())
}

/// The attributes every on-disk array shares (`shape`, `ndim`, `size`,
/// `nbytes`, `dtype`).
pub fn common_attr(z: &dyn DiskArray, name: &str) -> Option<Value> {
    let size: usize = z.shape().iter().product();
    Some(match name {
        "shape" => ints(z.shape()),
        "ndim" => Value::Int(z.shape().len() as i64),
        "size" => Value::Int(size as i64),
        "nbytes" => Value::Int((size * z.dtype().itemsize()) as i64),
        "dtype" => Value::object(super::objects::DTypeObj(z.dtype())),
        _ => return None,
    })
}

/// A tuple of ints.
pub fn ints(v: &[usize]) -> Value {
    Value::tuple(v.iter().map(|&n| Value::Int(n as i64)).collect())
}

/// The on-disk array inside a value (a zarr array or an HDF5 dataset).
pub fn as_disk(v: &Value) -> Option<Arc<dyn DiskArray>> {
    if let Some(z) = super::zarrmod::as_zarr(v) {
        return Some(z);
    }
    super::h5pymod::as_dataset(v).map(|d| d as Arc<dyn DiskArray>)
}

/// `x[key]` on an on-disk array: lazily over its storage chunks, then
/// computed, so only the chunks the index touches are read.
pub fn getitem(vm: &mut Vm, z: &Arc<dyn DiskArray>, key: &Value) -> PyResult<Value> {
    let x = array::disk::from_disk(z.clone(), None, "from-disk").map_err(convert::array_error)?;
    let idx = convert::index(key)?;
    let sel = array::slicing::getitem(&x, &idx).map_err(convert::array_error)?;
    Ok(run::compute(vm, &[sel], Scheduler::Sync)?.remove(0))
}

/// Drop keywords that cannot change the result of a local computation
/// (`storage_options=`, `lock=`, ...).
pub fn ignore_kws(a: &mut Args, names: &[&str]) {
    for n in names {
        let _ = a.take_kw(n);
    }
}

/// Any array-like as an eager chunk (lazy arrays are computed).
pub fn eager(vm: &mut Vm, v: &Value) -> PyResult<Chunk> {
    if let Some(x) = as_array(v) {
        let out = run::compute(vm, &[x], Scheduler::default())?;
        return super::numpy::to_chunk(&out[0]);
    }
    super::numpy::to_chunk(v)
}

/// The region a basic index selects: offsets, extents, and which axes stay.
/// Slice assignment takes integers and step-1 slices.
fn region(shape: &[usize], key: &Value) -> PyResult<(Vec<usize>, Vec<usize>, Vec<usize>)> {
    let items = convert::index(key)?;
    let given = items
        .iter()
        .filter(|i| !matches!(i, IndexItem::Ellipsis))
        .count();
    if given > shape.len() {
        return Err(exc::new(
            "IndexError",
            format!(
                "too many indices for array: array is {}-dimensional, but {given} were indexed",
                shape.len()
            ),
        ));
    }
    let mut expanded = Vec::new();
    for it in items {
        match it {
            IndexItem::Ellipsis => expanded
                .extend((0..shape.len() - given).map(|_| IndexItem::Slice(None, None, None))),
            IndexItem::NewAxis => {
                return Err(exc::new(
                    "IndexError",
                    "zarr arrays take no new axes (None) in assignments",
                ))
            }
            other => expanded.push(other),
        }
    }
    while expanded.len() < shape.len() {
        expanded.push(IndexItem::Slice(None, None, None));
    }
    let (mut off, mut ext, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    for (ax, (it, &n)) in expanded.iter().zip(shape).enumerate() {
        match *it {
            IndexItem::Int(i) => {
                let j = if i < 0 { i + n as i64 } else { i };
                if j < 0 || j >= n as i64 {
                    return Err(exc::new(
                        "IndexError",
                        format!("index {i} is out of bounds for axis {ax} with size {n}"),
                    ));
                }
                off.push(j as usize);
                ext.push(1);
            }
            IndexItem::Slice(start, stop, step) => {
                let (s, st, len) = array::slicing::slice_indices(n, start, stop, step)
                    .map_err(convert::array_error)?;
                if st != 1 {
                    return Err(exc::new(
                        "NotImplementedError",
                        "Tessera's zarr arrays take slice assignment with step 1 only; \
                         assign a contiguous region",
                    ));
                }
                off.push(s);
                ext.push(len);
                kept.push(ax);
            }
            _ => unreachable!("ellipsis and new axes were handled above"),
        }
    }
    Ok((off, ext, kept))
}

pub fn setitem(vm: &mut Vm, z: &Arc<dyn DiskArray>, key: &Value, v: Value) -> PyResult<()> {
    if z.read_only() {
        return Err(convert::store_error(StoreError::ReadOnly));
    }
    let (off, ext, kept) = region(z.shape(), key)?;
    // The whole array from a lazy one: block by block, never assembled.
    if let Some(x) = as_array(&v) {
        if off.iter().all(|&o| o == 0) && ext == z.shape() && x.meta().shape == z.shape() {
            return store_all(vm, &[x], std::slice::from_ref(z), Scheduler::default());
        }
    }
    let sel_shape: Vec<usize> = kept.iter().map(|&ax| ext[ax]).collect();
    let data = match convert::scalar(&v) {
        Some(_) if as_array(&v).is_none() && super::objects::as_ndarray(&v).is_none() => {
            let s = super::numpy::to_chunk(&v)?;
            s.broadcast_to(&ext).map_err(convert::chunk_error)?
        }
        _ => {
            let c = eager(vm, &v)?;
            let c = c.broadcast_to(&sel_shape).map_err(convert::chunk_error)?;
            crate::chunk::reshape(&c, &ext.iter().map(|&n| n as isize).collect::<Vec<_>>())
                .map_err(convert::chunk_error)?
        }
    };
    z.write(&off, &data).map_err(convert::store_error)
}

/// What is on disk after an interrupted store whose targets are written in
/// place (zarr chunk by chunk under a temporary name, HDF5 datasets that
/// already existed).
pub const KEPT_IN_PLACE: &str = "Each block on disk was written whole; blocks not reached \
     keep their previous contents. Run the same store again to finish it.";

/// Write each source into its target, all in one run (shared work runs once).
pub fn store_all(
    vm: &mut Vm,
    sources: &[Array],
    targets: &[Arc<dyn DiskArray>],
    sched: Scheduler,
) -> PyResult<()> {
    store_all_then(vm, sources, targets, sched, KEPT_IN_PLACE)
}

/// [`store_all`]; an interrupt's KeyboardInterrupt says how many blocks of
/// each target were written, then `kept` (what that leaves on disk).
pub fn store_all_then(
    vm: &mut Vm,
    sources: &[Array],
    targets: &[Arc<dyn DiskArray>],
    sched: Scheduler,
    kept: &str,
) -> PyResult<()> {
    let mut plans = Vec::with_capacity(sources.len());
    let mut progress = Vec::with_capacity(sources.len());
    for (x, z) in sources.iter().zip(targets) {
        let (p, counter) =
            array::disk::store_tracked(x, z.clone()).map_err(convert::array_error)?;
        plans.push(p);
        progress.push((z.location(), counter));
    }
    match run::compute(vm, &plans, sched) {
        Ok(_) => Ok(()),
        Err(e) if e.is("KeyboardInterrupt") => Err(exc::new(
            "KeyboardInterrupt",
            interrupted_store_message(&progress, kept),
        )),
        Err(e) => Err(e),
    }
}

/// How far an interrupted store got: blocks written whole per target.
fn interrupted_store_message(
    progress: &[(String, Arc<array::disk::StoreProgress>)],
    kept: &str,
) -> String {
    let parts: Vec<String> = progress
        .iter()
        .map(|(loc, p)| format!("{} of {} blocks of {loc}", p.written(), p.total()))
        .collect();
    format!(
        "the write was interrupted after {} were written. {kept}",
        parts.join(", ")
    )
}

pub fn store_plans(sources: &[Array], targets: &[Arc<dyn DiskArray>]) -> PyResult<Vec<Array>> {
    sources
        .iter()
        .zip(targets)
        .map(|(x, z)| array::disk::store(x, z.clone()).map_err(convert::array_error))
        .collect()
}

/// `compute=False`: a Delayed that stores when computed (and gives None).
pub fn delayed_store(plans: Vec<Array>) -> Value {
    let f = Builtin::value(
        "store",
        "",
        "Write lazy arrays into zarr arrays.",
        |vm, a| {
            let arrays: Vec<Array> = a.pos.iter().filter_map(as_array).collect();
            run::compute(vm, &arrays, Scheduler::Sync)?;
            Ok(Value::None)
        },
    );
    let args: Vec<Value> = plans.into_iter().map(ArrayObj::value).collect();
    let d = make_call(Action::Call(f), "store", &args, &[], true, None, None);
    DelayedObj::value(d)
}

fn sources_of(v: &Value) -> PyResult<Vec<Value>> {
    Ok(match v {
        Value::List(l) => l.read().clone(),
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    })
}

/// `da.store(sources, targets, lock=True, compute=True, return_stored=False)`.
pub fn store(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
    let (Some(src), Some(tgt)) = (a.arg(0, "sources"), a.arg(1, "targets")) else {
        return Err(exc::type_error(
            "store() missing required arguments: 'sources' and 'targets'",
        ));
    };
    let compute = !matches!(a.take_kw("compute"), Some(Value::Bool(false)));
    let stored = matches!(a.take_kw("return_stored"), Some(Value::Bool(true)));
    refuse_kws(&mut a, &["regions"], "store")?;
    ignore_kws(&mut a, &["lock", "flush"]);
    let sources = sources_of(&src)?
        .iter()
        .map(|v| lazy_operand(v).ok_or_else(|| super::objects::not_array("store", v)))
        .collect::<PyResult<Vec<Array>>>()?;
    let targets = sources_of(&tgt)?
        .iter()
        .map(|v| {
            as_disk(v).ok_or_else(|| {
                exc::type_error(format!(
                    "store() writes into zarr arrays or HDF5 datasets (zarr.open(path, mode='w', ...), \
                     f.create_dataset(...)); Tessera cannot write into a {}",
                    v.type_name()
                ))
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    if sources.len() != targets.len() {
        return Err(exc::value_error(format!(
            "Different number of sources [{}] and targets [{}]",
            sources.len(),
            targets.len()
        )));
    }
    if !compute {
        return Ok(delayed_store(store_plans(&sources, &targets)?));
    }
    store_all(vm, &sources, &targets, sched)?;
    if stored {
        let back = targets
            .iter()
            .map(|z| array::disk::from_disk(z.clone(), None, "from-disk").map(ArrayObj::value))
            .collect::<Result<Vec<_>, _>>()
            .map_err(convert::array_error)?;
        return Ok(Value::tuple(back));
    }
    Ok(Value::None)
}

/// A lazy array over `z`; `chunks` (None: the zarr chunks) as `da.from_array` takes it.
pub fn lazy(z: &Arc<dyn DiskArray>, chunks: Option<&Value>, prefix: &str) -> PyResult<Value> {
    let spec: Option<ChunkSpec> = match chunks {
        None | Some(Value::None) => None,
        Some(v) => Some(convert::chunks(Some(v), z.shape().len())?),
    };
    array::disk::from_disk(z.clone(), spec.as_ref(), prefix)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}
