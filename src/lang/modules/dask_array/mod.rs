//! `dask`, `dask.array` (as `da`) and `numpy` (as `np`, eager, dispatching to
//! lazy when given a lazy array): thin argument-parsing shims over `array/`
//! and `chunk/`.

mod arrange;
mod axes;
mod blockcall;
mod blockwise;
mod blockwise_plan;
mod complexfns;
mod convert;
mod counting;
mod diskio;
pub mod display;
mod eager;
mod einsum;
mod extras;
mod fancy;
mod graphdict;
mod h5pymod;
mod interop;
mod joins;
mod linalg;
mod mapblocks;
mod methods;
mod ndstore;
mod npyfile;
mod npystack;
mod numpy;
pub mod objects;
mod overlap;
mod padding;
mod rechunking;
mod rng;
mod run;
mod scans;
mod setitem;
mod setitem_lazy;
pub mod visualize;
mod zarrmod;

pub use h5pymod::h5py_module;
pub use numpy::to_chunk;
pub use run::state_of;
pub use zarrmod::zarr_module;

use crate::array::{self, creation::Distribution, ChunkSpec};
use crate::chunk::{BinaryOp, DType, Scalar, UnaryOp};
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use convert::{chunks, dtype, shape};
use objects::{lazy_operand, ArrayObj};
use std::sync::Arc;

/// Every one-input ufunc, reachable as `da.<name>` and `np.<name>`.
pub const UNARY: &[UnaryOp] = {
    use UnaryOp::*;
    &[
        Neg, Pos, Abs, Sign, Square, Sqrt, Cbrt, Reciprocal, Exp, Exp2, Expm1, Log, Log1p, Log2,
        Log10, Sin, Cos, Tan, Arcsin, Arccos, Arctan, Sinh, Cosh, Tanh, Arcsinh, Arccosh, Arctanh,
        Deg2rad, Rad2deg, Floor, Ceil, Trunc, Rint, IsNan, IsInf, IsFinite, Signbit, LogicalNot,
        Invert,
    ]
};

/// Every two-input ufunc.
pub const BINARY: &[BinaryOp] = {
    use BinaryOp::*;
    &[
        Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, Maximum, Minimum, Fmax, Fmin, Eq, Ne, Lt, Le,
        Gt, Ge, LogicalAnd, LogicalOr, LogicalXor, BitAnd, BitOr, BitXor, LeftShift, RightShift,
        Arctan2, Hypot,
    ]
};

fn new_module(name: &str, doc: &str) -> Arc<Module> {
    Arc::new(Module::new(name, doc))
}

fn req(a: &mut Args, i: usize, name: &str, f: &str) -> PyResult<Value> {
    a.arg(i, name)
        .ok_or_else(|| exc::type_error(format!("{f}() missing required argument: '{name}'")))
}

fn opt_dtype(a: &mut Args, default: DType) -> PyResult<DType> {
    match a.take_kw("dtype") {
        None | Some(Value::None) => Ok(default),
        Some(v) => dtype(&v),
    }
}

fn seed_of(a: &mut Args) -> PyResult<u64> {
    match a.take_kw("seed") {
        Some(Value::Int(s)) => Ok(s as u64),
        _ => Ok(numpy::next_seed()),
    }
}

fn fill_fn(m: &Module, name: &'static str, value: f64) {
    m.func(
        name,
        &format!("{name}(shape, dtype=float, chunks='auto')"),
        &format!("A lazy array filled with {value}."),
        move |_vm, mut a| {
            let sh = shape(&req(&mut a, 0, "shape", name)?)?;
            let d = opt_dtype(&mut a, DType::Float64)?;
            let c = chunks(a.take_kw("chunks").as_ref(), sh.len())?;
            a.check(name, 1)?;
            array::creation::full(name, &sh, Scalar::F64(value).astype(d), d, &c)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        },
    );
}

fn random_module() -> Value {
    let m = new_module(
        "dask.array.random",
        "Lazy random arrays (counter-based: values do not depend on chunks).",
    );
    type Make = fn(&mut Args) -> PyResult<(Distribution, usize)>;
    let dists: &[(&str, &str, Make)] = &[
        ("random", "random(size=None, chunks='auto')", |_a| {
            Ok((Distribution::Random, 0))
        }),
        (
            "random_sample",
            "random_sample(size=None, chunks='auto')",
            |_a| Ok((Distribution::Random, 0)),
        ),
        (
            "normal",
            "normal(loc=0.0, scale=1.0, size=None, chunks='auto')",
            |a| {
                let loc = a
                    .arg(0, "loc")
                    .map(|v| crate::lang::builtins::to_f64(&v))
                    .transpose()?
                    .unwrap_or(0.0);
                let scale = a
                    .arg(1, "scale")
                    .map(|v| crate::lang::builtins::to_f64(&v))
                    .transpose()?
                    .unwrap_or(1.0);
                Ok((Distribution::Normal(loc, scale), 2))
            },
        ),
        (
            "standard_normal",
            "standard_normal(size=None, chunks='auto')",
            |_a| Ok((Distribution::Normal(0.0, 1.0), 0)),
        ),
        (
            "uniform",
            "uniform(low=0.0, high=1.0, size=None, chunks='auto')",
            |a| {
                let lo = a
                    .arg(0, "low")
                    .map(|v| crate::lang::builtins::to_f64(&v))
                    .transpose()?
                    .unwrap_or(0.0);
                let hi = a
                    .arg(1, "high")
                    .map(|v| crate::lang::builtins::to_f64(&v))
                    .transpose()?
                    .unwrap_or(1.0);
                Ok((Distribution::Uniform(lo, hi), 2))
            },
        ),
        (
            "randint",
            "randint(low, high=None, size=None, chunks='auto')",
            |a| {
                let lo = crate::lang::builtins::to_int(&req(a, 0, "low", "randint")?, "")?;
                match a.arg(1, "high") {
                    Some(Value::None) | None => Ok((Distribution::RandInt(0, lo), 2)),
                    Some(h) => Ok((
                        Distribution::RandInt(lo, crate::lang::builtins::to_int(&h, "")?),
                        2,
                    )),
                }
            },
        ),
    ];
    m.func(
        "default_rng",
        "default_rng(seed=None)",
        "A Generator of lazy random arrays (one fresh stream per call).",
        |_vm, mut a| rng::default_rng(&mut a, true),
    );
    m.func(
        "RandomState",
        "RandomState(seed=None)",
        "A RandomState of lazy random arrays (legacy API: randint, random_sample, normal, ...).",
        |_vm, mut a| rng::random_state(&mut a, true),
    );
    for &(name, sig, make) in dists {
        m.func(name, sig, "A lazy random array.", move |_vm, mut a| {
            let (dist, nparams) = make(&mut a)?;
            let size = a.arg(nparams, "size");
            let sh = match size {
                None | Some(Value::None) => Vec::new(),
                Some(v) => shape(&v)?,
            };
            let seed = seed_of(&mut a)?;
            let c = chunks(a.take_kw("chunks").as_ref(), sh.len())?;
            let _ = a.take_kw("dtype");
            a.pos.truncate(nparams + 1);
            a.check(name, nparams + 1)?;
            array::creation::random(dist, seed, &sh, &c)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        });
    }
    Value::Module(m)
}

/// Build `dask.array`.
pub fn dask_array() -> Value {
    let m = new_module(
        "dask.array",
        "Lazy chunked n-d arrays with NumPy's interface.",
    );
    extras::add(&m, true);
    joins::add(&m, true);
    einsum::add(&m, true);
    arrange::add(&m, true);
    counting::add(&m, true);
    scans::add(&m, true);
    rechunking::add(&m);
    fill_fn(&m, "ones", 1.0);
    fill_fn(&m, "zeros", 0.0);
    fill_fn(&m, "empty", 0.0);
    m.func(
        "full",
        "full(shape, fill_value, dtype=None, chunks='auto')",
        "A lazy array filled with a value.",
        |_vm, mut a| {
            let sh = shape(&req(&mut a, 0, "shape", "full")?)?;
            let v = req(&mut a, 1, "fill_value", "full")?;
            let s = convert::scalar(&v)
                .ok_or_else(|| exc::type_error("fill_value must be a number"))?;
            let default = match s {
                crate::chunk::PyScalar::Bool(_) => DType::Bool,
                crate::chunk::PyScalar::Int(_) => DType::Int64,
                crate::chunk::PyScalar::Float(_) => DType::Float64,
            };
            let d = opt_dtype(&mut a, default)?;
            let c = chunks(a.take_kw("chunks").as_ref(), sh.len())?;
            let value = match s {
                crate::chunk::PyScalar::Bool(b) => Scalar::Bool(b),
                crate::chunk::PyScalar::Int(i) => Scalar::I64(i),
                crate::chunk::PyScalar::Float(f) => Scalar::F64(f),
            };
            array::creation::full("full", &sh, value.astype(d), d, &c)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        },
    );
    for (name, value) in [("ones_like", 1.0), ("zeros_like", 0.0), ("empty_like", 0.0)] {
        m.func(
            name,
            &format!("{name}(a, dtype=None, chunks=None)"),
            "A lazy array shaped like another.",
            move |_vm, mut a| {
                let x = req(&mut a, 0, "a", name)?;
                let x = lazy_operand(&x).ok_or_else(|| objects::not_array(name, &x))?;
                let d = opt_dtype(&mut a, x.meta().dtype)?;
                let spec = match a.take_kw("chunks") {
                    None | Some(Value::None) => ChunkSpec::PerAxis(
                        x.meta()
                            .chunks
                            .iter()
                            .map(|c| array::AxisSpec::Explicit(c.clone()))
                            .collect(),
                    ),
                    Some(v) => chunks(Some(&v), x.meta().ndim())?,
                };
                let fill = if name == "ones_like" { "ones" } else { "zeros" };
                array::creation::full(
                    fill,
                    &x.meta().shape,
                    Scalar::F64(value).astype(d),
                    d,
                    &spec,
                )
                .map(ArrayObj::value)
                .map_err(convert::array_error)
            },
        );
    }
    m.func(
        "arange",
        "arange(start=0, stop, step=1, chunks='auto', dtype=None)",
        "Evenly spaced values, lazily.",
        |_vm, mut a| {
            let (start, stop, step, default) = convert::arange_args(&a.pos)?;
            let d = opt_dtype(&mut a, default)?;
            let c = chunks(a.take_kw("chunks").as_ref(), 1)?;
            array::creation::arange(start, stop, step, d, &c)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        },
    );
    m.func(
        "from_array",
        "from_array(x, chunks='auto')",
        "Wrap an eager array as a lazy one.",
        |_vm, mut a| {
            let x = req(&mut a, 0, "x", "from_array")?;
            if let Some(map) = npyfile::as_memmap(&x) {
                let spec = chunks(a.arg(1, "chunks").as_ref(), map.shape().len())?;
                return npyfile::lazy(&map, &spec).map(ArrayObj::value);
            }
            if let Some(z) = diskio::as_disk(&x) {
                return diskio::lazy(&z, a.arg(1, "chunks").as_ref(), "array");
            }
            let c = objects::as_ndarray(&x)
                .or_else(|| numpy::to_chunk(&x).ok().map(Arc::new))
                .ok_or_else(|| objects::not_array("from_array", &x))?;
            let spec = chunks(a.arg(1, "chunks").as_ref(), c.ndim())?;
            let token = Arc::as_ptr(&c) as usize as u64;
            array::creation::from_chunk(c, &spec, token)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        },
    );
    m.func(
        "map_blocks",
        "map_blocks(func, *args, dtype=None, chunks=None, drop_axis=None, new_axis=None, **kwargs)",
        "Apply a function to every block, in parallel; block_id= is passed when func takes it.",
        mapblocks::map_blocks,
    );
    m.func(
        "map_overlap",
        overlap::SIGNATURE,
        "Apply a function to every block extended by its neighbours' elements (halo of depth=).",
        overlap::map_overlap,
    );
    m.set("overlap", overlap::module());
    m.func(
        "blockwise",
        "blockwise(func, out_ind, *args, dtype=None, new_axes=None, concatenate=None, adjust_chunks=None, align_arrays=True, **kwargs)",
        "Apply a function across blocks of several arrays matched by index labels ('ij', 'ji', contractions).",
        blockwise::blockwise,
    );
    m.func(
        "to_hdf5",
        "to_hdf5(filename, datapath, x) or to_hdf5(filename, {datapath: x, ...})",
        "Write lazy arrays to datasets of an HDF5 file, block by block, in one run.",
        h5pymod::to_hdf5,
    );
    m.func(
        "from_zarr",
        "from_zarr(url, component=None, chunks=None)",
        "A lazy array over a zarr array on disk (chunks default to the zarr chunks).",
        zarrmod::from_zarr,
    );
    m.func(
        "to_zarr",
        "to_zarr(arr, url, component=None, overwrite=False, compute=True, return_stored=False, zarr_format=3)",
        "Write a lazy array to a new zarr array on disk, one task per block.",
        zarrmod::to_zarr,
    );
    m.func(
        "to_npy_stack",
        "to_npy_stack(dirname, x, axis=0)",
        "Write a lazy array as a directory of .npy files, one per block along axis (Dask's format).",
        npystack::to_npy_stack,
    );
    m.func(
        "from_npy_stack",
        "from_npy_stack(dirname, mmap_mode='r')",
        "A lazy array over a directory written by to_npy_stack, one block per .npy file.",
        npystack::from_npy_stack,
    );
    m.func(
        "store",
        "store(sources, targets, lock=True, compute=True, return_stored=False)",
        "Write lazy arrays into existing zarr arrays, all in one run.",
        diskio::store,
    );
    m.func(
        "from_delayed",
        "from_delayed(value, shape, dtype=float)",
        "A lazy array computed by a delayed value.",
        interop::from_delayed,
    );
    m.func(
        "compute",
        "compute(*arrays, scheduler=None)",
        "Compute several arrays in one run (shared work runs once).",
        dask_compute,
    );
    m.func(
        "transpose",
        "transpose(a, axes=None)",
        "Permute the axes.",
        |_vm, mut a| {
            let x = req(&mut a, 0, "a", "transpose")?;
            let x = lazy_operand(&x).ok_or_else(|| objects::not_array("transpose", &x))?;
            let axes = convert::axes(a.arg(1, "axes").as_ref())?;
            array::manipulation::transpose(&x, axes.as_deref())
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        },
    );
    numpy::add_functions(&m, true);
    m.set("random", random_module());
    Value::Module(m)
}

/// `dask.array.overlap` (also reachable as `da.overlap`).
pub fn overlap_module() -> Value {
    overlap::module()
}

/// `dask.compute(*args)`: every collection among the args (traversing containers).
pub fn dask_compute(vm: &mut crate::lang::eval::Vm, a: Args) -> PyResult<Value> {
    crate::lang::modules::dask_runtime::toplevel::compute(vm, a)
}

/// Compute lazy arrays in one run into eager values.
pub fn compute_arrays(
    vm: &mut crate::lang::eval::Vm,
    arrays: &[crate::array::Array],
    sched: crate::sched::Scheduler,
) -> PyResult<Vec<Value>> {
    run::compute(vm, arrays, sched)
}

/// Build `dask`.
pub fn dask() -> Value {
    let m = new_module(
        "dask",
        "Parallel computing with lazy collections (Tessera's implementation).",
    );
    m.func(
        "compute",
        "compute(*args, scheduler=None)",
        "Compute lazy collections together; shared work runs once.",
        dask_compute,
    );
    m.set("delayed", super::dask_delayed::delayed_builtin());
    use super::dask_runtime::{config_module, toplevel};
    m.func(
        "persist",
        "persist(*args, scheduler=None)",
        "Compute collections and keep their results.",
        toplevel::persist,
    );
    m.func(
        "visualize",
        "visualize(*args, filename=None, optimize_graph=False, color=None, rankdir='BT')",
        "Draw the tasks of several collections in one picture.",
        toplevel::visualize,
    );
    m.func(
        "optimize",
        "optimize(*args)",
        "Collections unchanged: Tessera culls, fuses and orders graphs when they run.",
        toplevel::optimize,
    );
    m.set("config", config_module());
    m.set(
        "__version__",
        Value::str(concat!("tessera-", env!("CARGO_PKG_VERSION"))),
    );
    Value::Module(m)
}

/// Build `numpy`.
pub fn numpy_module() -> Value {
    numpy::build()
}
