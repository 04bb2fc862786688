//! Methods of lazy and eager arrays (`x.sum(axis=0)`, `x.compute()`, ...).

use super::convert;
use super::objects::{ArrayObj, NdArrayObj};
use super::run;
use crate::array::{self, Array};
use crate::chunk::{self, Chunk, ReduceOp};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Builtin, Value};
use std::sync::Arc;

/// Candidate method names of lazy arrays: Dask's `Array` methods plus the
/// NumPy-style extras Tessera adds. Completion and `dir()` list those that
/// `method` resolves (`method_names`), so the list can never advertise a
/// method that does not exist.
const CANDIDATES: &[&str] = &[
    "all",
    "any",
    "argmax",
    "argmin",
    "argtopk",
    "astype",
    "choose",
    "clip",
    "compute",
    "compute_chunk_sizes",
    "conj",
    "copy",
    "cumprod",
    "cumsum",
    "dot",
    "flatten",
    "map_blocks",
    "map_overlap",
    "max",
    "mean",
    "min",
    "moment",
    "nanargmax",
    "nanargmin",
    "nanmax",
    "nanmean",
    "nanmin",
    "nanprod",
    "nanstd",
    "nansum",
    "nanvar",
    "nonzero",
    "persist",
    "prod",
    "ravel",
    "rechunk",
    "repeat",
    "reshape",
    "round",
    "squeeze",
    "std",
    "store",
    "sum",
    "swapaxes",
    "to_delayed",
    "to_hdf5",
    "to_zarr",
    "tolist",
    "topk",
    "trace",
    "transpose",
    "var",
    "view",
    "vindex",
    "visualize",
    "__dask_graph__",
];

/// The method names a lazy array really has (for completion and `dir()`).
pub fn method_names(x: &Array) -> Vec<&'static str> {
    CANDIDATES
        .iter()
        .copied()
        .filter(|n| method(x, n).is_some())
        .collect()
}

/// The reduction named `name`, if it is one.
pub fn reduce_op(name: &str) -> Option<ReduceOp> {
    use ReduceOp::*;
    Some(match name {
        "sum" => Sum,
        "prod" => Prod,
        "mean" => Mean,
        "var" => Var,
        "std" => Std,
        "min" | "amin" => Min,
        "max" | "amax" => Max,
        "any" => Any,
        "all" => All,
        "argmin" => ArgMin,
        "argmax" => ArgMax,
        "nansum" => NanSum,
        "nanprod" => NanProd,
        "nanmean" => NanMean,
        "nanvar" => NanVar,
        "nanstd" => NanStd,
        "nanmin" => NanMin,
        "nanmax" => NanMax,
        "nanargmin" => NanArgMin,
        "nanargmax" => NanArgMax,
        _ => return None,
    })
}

/// Reduction arguments: `axis`, `keepdims`, `ddof`, `split_every` (positional axis allowed).
pub struct ReduceArgs {
    /// Axes or None.
    pub axis: Option<Vec<isize>>,
    /// Keep reduced axes.
    pub keepdims: bool,
    /// Delta degrees of freedom.
    pub ddof: usize,
    /// Combine fan-in.
    pub split_every: Option<usize>,
}

/// Parse reduction keywords (the first positional argument, if any, is `axis`).
pub fn reduce_args(fname: &str, mut a: Args, skip: usize) -> PyResult<ReduceArgs> {
    let axis = convert::axes(a.arg(skip, "axis").as_ref())?;
    let keepdims = a
        .take_kw("keepdims")
        .map(|v| v.truthy_simple().unwrap_or(true))
        .unwrap_or(false);
    let ddof = match a.take_kw("ddof") {
        Some(v) => crate::lang::builtins::to_int(&v, "")?.max(0) as usize,
        None => 0,
    };
    let split_every = match a.take_kw("split_every") {
        Some(Value::None) | None => None,
        Some(v) => Some(crate::lang::builtins::to_int(&v, "")?.max(2) as usize),
    };
    let _ = a.take_kw("dtype");
    let _ = a.take_kw("out");
    a.pos.truncate(skip.min(a.pos.len()));
    a.check(fname, skip + 1)?;
    Ok(ReduceArgs {
        axis,
        keepdims,
        ddof,
        split_every,
    })
}

/// A lazy reduction from parsed arguments.
pub fn lazy_reduce(x: &Array, op: ReduceOp, r: &ReduceArgs) -> PyResult<Value> {
    array::reduction::reduce(x, op, r.axis.as_deref(), r.keepdims, r.ddof, r.split_every)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}

pub(super) fn bound(
    name: &str,
    sig: &str,
    doc: &str,
    f: impl Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync + 'static,
) -> Value {
    Builtin::value(name, sig, doc, f)
}

/// `abs(x)` calls `x.__abs__()`: `np.absolute` of the receiver.
fn abs_method(recv: Value) -> Value {
    bound(
        "__abs__",
        "__abs__()",
        "abs(x): np.absolute(x).",
        move |_vm, a| {
            a.check("__abs__", 0)?;
            super::numpy::eager_or_lazy_unary(chunk::UnaryOp::Abs, "absolute", &recv)
        },
    )
}

/// `x.<name>` for a lazy array's methods.
pub fn method(x: &Array, name: &str) -> Option<Value> {
    let x = x.clone();
    if let Some(m) = super::extras::shape_method(name, || ArrayObj::value(x.clone())) {
        return Some(m);
    }
    if name == "dot" {
        return Some(super::joins::dot_method(ArrayObj::value(x)));
    }
    if name == "repeat" {
        return Some(super::arrange::repeat_method(ArrayObj::value(x)));
    }
    if let Some(m) = super::scans::method(ArrayObj::value(x.clone()), name) {
        return Some(m);
    }
    if name == "__abs__" {
        return Some(abs_method(ArrayObj::value(x)));
    }
    if let Some(m) = super::zarrmod::method(&x, name) {
        return Some(m);
    }
    if name == "to_hdf5" {
        return Some(super::h5pymod::method(&x));
    }
    if name == "map_overlap" {
        return Some(super::overlap::method(ArrayObj::value(x)));
    }
    if name == "map_blocks" {
        let recv = ArrayObj::value(x);
        return Some(bound(
            "map_blocks",
            "map_blocks(func, *args, dtype=None, chunks=None, drop_axis=None, new_axis=None, **kwargs)",
            "Apply a function to every block of this array, in parallel.",
            move |vm, mut a| {
                // x.map_blocks(f, *rest) is da.map_blocks(f, x, *rest).
                let at = usize::from(!a.pos.is_empty());
                a.pos.insert(at, recv.clone());
                super::mapblocks::map_blocks(vm, a)
            },
        ));
    }
    if let Some(op) = reduce_op(name) {
        let n = name.to_string();
        return Some(bound(
            name,
            &format!("{name}(axis=None, keepdims=False, split_every=None)"),
            "Lazy reduction over the given axes (a tree reduction over blocks).",
            move |_vm, a| lazy_reduce(&x, op, &reduce_args(&n, a, 0)?),
        ));
    }
    Some(match name {
        "compute" => bound(
            "compute",
            "compute(scheduler=None, num_workers=None)",
            "Compute this array and return an eager result.",
            move |vm, mut a| {
                let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
                a.check("compute", 0)?;
                let mut out = run::compute(vm, std::slice::from_ref(&x), sched)?;
                Ok(out.remove(0))
            },
        ),
        "ravel" | "flatten" => bound(
            name,
            &format!("{name}()"),
            "The elements as a 1-D array in C order.",
            move |_vm, a| {
                a.check("ravel", 0)?;
                array::mask::ravel(&x)
                    .map(ArrayObj::value)
                    .map_err(convert::array_error)
            },
        ),
        "compute_chunk_sizes" => bound(
            "compute_chunk_sizes",
            "compute_chunk_sizes()",
            "Compute unknown block sizes (after boolean indexing); returns the array with them known.",
            move |vm, mut a| {
                let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
                a.check("compute_chunk_sizes", 0)?;
                if !x.meta().has_unknown() {
                    return Ok(ArrayObj::value(x.clone()));
                }
                let sizes = run::compute(vm, &[array::mask::block_sizes(&x)], sched)?;
                let c = super::numpy::to_chunk(&sizes[0])?;
                array::mask::with_sizes(&x, &c)
                    .map(ArrayObj::value)
                    .map_err(convert::array_error)
            },
        ),
        "persist" => bound(
            "persist",
            "persist(scheduler=None)",
            "Compute the blocks and keep them in memory; returns a lazy array backed by them.",
            move |vm, mut a| {
                let sched = crate::lang::modules::dask_runtime::scheduler_from(vm, &mut a)?;
                a.check("persist", 0)?;
                run::persist(vm, &x, sched)
            },
        ),
        "astype" => bound(
            "astype",
            "astype(dtype)",
            "Cast to another dtype (lazily).",
            move |_vm, mut a| {
                let d = a
                    .arg(0, "dtype")
                    .ok_or_else(|| exc::type_error("astype() missing required argument 'dtype'"))?;
                array::elementwise::astype(&x, convert::dtype(&d)?)
                    .map(ArrayObj::value)
                    .map_err(convert::array_error)
            },
        ),
        "transpose" => bound(
            "transpose",
            "transpose(*axes)",
            "Permute the axes (reverse them by default).",
            move |_vm, a| {
                let axes: Option<Vec<isize>> = match a.pos.len() {
                    0 => None,
                    1 if matches!(a.pos[0], Value::Tuple(_) | Value::List(_)) => Some(
                        convert::shape(&a.pos[0])?
                            .iter()
                            .map(|&v| v as isize)
                            .collect(),
                    ),
                    _ => Some(
                        a.pos
                            .iter()
                            .map(|v| crate::lang::builtins::to_int(v, "").map(|i| i as isize))
                            .collect::<PyResult<_>>()?,
                    ),
                };
                array::manipulation::transpose(&x, axes.as_deref())
                    .map(ArrayObj::value)
                    .map_err(convert::array_error)
            },
        ),
        "rechunk" => bound(
            "rechunk",
            "rechunk(chunks='auto')",
            "New block sizes for the same data (dict and tuple forms keep unnamed/None axes).",
            move |_vm, mut a| {
                let chunks = a.arg(0, "chunks");
                let _ = a.take_kw("threshold");
                let _ = a.take_kw("block_size_limit");
                let _ = a.take_kw("method");
                a.check("rechunk", 1)?;
                super::rechunking::rechunk(&x, chunks.as_ref())
            },
        ),
        "_repr_html_" => {
            let y = x.clone();
            bound(
                "_repr_html_",
                "_repr_html_()",
                "The HTML repr (table and chunk schematic).",
                move |_vm, _a| {
                    let info = super::display::array_info(&y);
                    Ok(Value::str(&crate::display::array_repr::array_html(&info)))
                },
            )
        }
        "visualize" => {
            let y = x.clone();
            bound(
                "visualize",
                "visualize(filename=None, optimize_graph=False, color=None, rankdir='BT')",
                "Draw the task graph as SVG (data as boxes, operations as circles).",
                move |_vm, a| {
                    let g = array::lower::lower_plain(std::slice::from_ref(&y))
                        .map_err(convert::array_error)?;
                    super::visualize::visualize(g, &array::lower::block_keys(&y), a)
                },
            )
        }
        "__dask_graph__" => {
            let y = x.clone();
            bound(
                "__dask_graph__",
                "__dask_graph__()",
                "The task graph as a dict {key: operation}, one task per block (before fusion).",
                move |_vm, a| {
                    a.check("__dask_graph__", 0)?;
                    super::graphdict::graph_dict(std::slice::from_ref(&y))
                },
            )
        }
        "to_delayed" => {
            let y = x.clone();
            bound(
                "to_delayed",
                "to_delayed()",
                "One Delayed per block, nested like the block grid.",
                move |_vm, _a| super::interop::to_delayed(&y),
            )
        }
        "copy" => bound(
            "copy",
            "copy()",
            "The same lazy array (lazy arrays are immutable).",
            move |_vm, _a| Ok(ArrayObj::value(x.clone())),
        ),
        _ => return None,
    })
}

/// `y.<name>` for an eager array's methods.
pub fn eager_method(_vm: &mut Vm, c: &Arc<Chunk>, name: &str) -> Option<Value> {
    let c = c.clone();
    // The receiver as a value for methods written as functions: the same
    // values, shared (never copied; these methods only read them).
    let recv = || NdArrayObj::shared(&c);
    if let Some(m) = super::extras::shape_method(name, recv) {
        return Some(m);
    }
    if name == "dot" {
        return Some(super::joins::dot_method(recv()));
    }
    if name == "repeat" {
        return Some(super::arrange::repeat_method(recv()));
    }
    if matches!(name, "cumsum" | "cumprod") {
        return super::scans::method(recv(), name);
    }
    if name == "__abs__" {
        return Some(abs_method(recv()));
    }
    if name == "ravel" || name == "flatten" {
        return Some(bound(
            name,
            &format!("{name}()"),
            "The elements as a 1-D array in C order.",
            move |_vm, _a| {
                chunk::reshape(&c, &[-1])
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            },
        ));
    }
    if let Some(op) = reduce_op(name) {
        let n = name.to_string();
        return Some(bound(
            name,
            &format!("{name}(axis=None, keepdims=False)"),
            "Reduction over the given axes.",
            move |_vm, a| {
                let r = reduce_args(&n, a, 0)?;
                chunk::reduce(&c, op, r.axis.as_deref(), r.keepdims, r.ddof)
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            },
        ));
    }
    Some(match name {
        "astype" => bound(
            "astype",
            "astype(dtype)",
            "Cast to another dtype.",
            move |_vm, mut a| {
                let d = a
                    .arg(0, "dtype")
                    .ok_or_else(|| exc::type_error("astype() missing required argument 'dtype'"))?;
                c.astype(convert::dtype(&d)?)
                    .map(NdArrayObj::value)
                    .map_err(convert::chunk_error)
            },
        ),
        "tolist" => bound(
            "tolist",
            "tolist()",
            "The values as (nested) Python lists.",
            move |_vm, _a| Ok(super::display::to_list(&c)),
        ),
        "conj" | "conjugate" => bound(
            name,
            &format!("{name}()"),
            "The complex conjugate (the array itself for real dtypes).",
            move |_vm, _a| Ok(NdArrayObj::value(chunk::complex::conj(&c))),
        ),
        "copy" => bound("copy", "copy()", "A copy.", move |_vm, _a| {
            Ok(NdArrayObj::value((*c).clone()))
        }),
        _ => return None,
    })
}
