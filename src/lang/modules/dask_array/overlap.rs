//! `da.map_overlap(func, *arrays, depth=, boundary=, trim=True, ...)`,
//! `x.map_overlap(func, depth, boundary=None, trim=True, **kwargs)` and the
//! `da.overlap` module (`overlap`, `trim_internal`, `trim_overlap`): Dask's
//! argument forms parsed here, the halo planning done by `array::overlap`,
//! the user function called through `map_blocks`.

use super::methods::bound;
use super::objects::{as_array, ArrayObj};
use super::{convert, mapblocks, req};
use crate::array::overlap::{self as ov, Boundary, Depth};
use crate::array::{self, Array};
use crate::chunk::{DType, Kind, Scalar};
use crate::lang::builtins::to_int;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Module, Value};
use arcstr::ArcStr;
use std::sync::Arc;

fn items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Tuple(t) => Some(t.to_vec()),
        Value::List(l) => Some(l.read().clone()),
        _ => None,
    }
}

fn depth_item(v: &Value) -> PyResult<Depth> {
    let one = |v: &Value| -> PyResult<usize> {
        let d = match v {
            Value::Float(f) => *f as i64,
            other => to_int(other, "depth")?,
        };
        usize::try_from(d)
            .map_err(|_| exc::value_error(format!("depth must be non-negative, got {d}")))
    };
    match v {
        Value::Tuple(t) if t.len() == 2 => Ok(Depth {
            before: one(&t[0])?,
            after: one(&t[1])?,
        }),
        other => Ok(Depth::both(one(other)?)),
    }
}

/// Dask's `coerce_depth`: an int for every axis, a tuple zipped with the
/// axes, or a dict naming some; missing axes get 0.
fn coerce_depth(v: Option<&Value>, ndim: usize) -> PyResult<Vec<Depth>> {
    let mut out = vec![Depth::default(); ndim];
    match v {
        None | Some(Value::None) => {}
        Some(Value::Tuple(t)) => {
            for (d, item) in out.iter_mut().zip(t.iter()) {
                *d = depth_item(item)?;
            }
        }
        Some(Value::Dict(m)) => {
            for (_, (k, item)) in m.read().iter() {
                if let Value::Int(ax) = k {
                    if let Some(d) = usize::try_from(*ax).ok().and_then(|a| out.get_mut(a)) {
                        *d = depth_item(item)?;
                    }
                }
            }
        }
        Some(other) => out.fill(depth_item(other)?),
    }
    Ok(out)
}

/// NumPy's complaint when a string fills an array of `dtype`.
fn bad_fill(s: &str, dtype: DType) -> Box<exc::PyErr> {
    match dtype.kind() {
        Kind::Int | Kind::UInt => exc::value_error(format!(
            "invalid literal for int() with base 10: np.str_('{s}')"
        )),
        _ => exc::value_error(format!("could not convert string to float: np.str_('{s}')")),
    }
}

fn boundary_item(v: &Value, dtype: DType) -> PyResult<Boundary> {
    Ok(match v {
        Value::None => Boundary::None,
        Value::Str(s) => match &**s {
            "none" => Boundary::None,
            "reflect" => Boundary::Reflect,
            "periodic" => Boundary::Periodic,
            "nearest" => Boundary::Nearest,
            other => match dtype.kind() {
                Kind::Bool => Boundary::Constant(Scalar::Bool(!other.is_empty())),
                _ => return Err(bad_fill(other, dtype)),
            },
        },
        Value::Bool(b) => Boundary::Constant(Scalar::Bool(*b).astype(dtype)),
        Value::Int(i) => Boundary::Constant(Scalar::I64(*i).astype(dtype)),
        Value::Float(f) => Boundary::Constant(Scalar::F64(*f).astype(dtype)),
        other => {
            return Err(exc::type_error(format!(
                "boundary must be 'reflect', 'periodic', 'nearest', 'none' or a number, not {}",
                other.type_name()
            )))
        }
    })
}

/// Dask's `coerce_boundary`: one value for every axis (default `'none'`), a
/// tuple zipped with the axes, or a dict naming some.
fn coerce_boundary(v: Option<&Value>, ndim: usize, dtype: DType) -> PyResult<Vec<Boundary>> {
    let mut out = vec![Boundary::None; ndim];
    match v {
        None | Some(Value::None) => {}
        Some(Value::Tuple(t)) => {
            for (b, item) in out.iter_mut().zip(t.iter()) {
                *b = boundary_item(item, dtype)?;
            }
        }
        Some(Value::Dict(m)) => {
            for (_, (k, item)) in m.read().iter() {
                if let Value::Int(ax) = k {
                    if let Some(b) = usize::try_from(*ax).ok().and_then(|a| out.get_mut(a)) {
                        *b = boundary_item(item, dtype)?;
                    }
                }
            }
        }
        Some(other) => out.fill(boundary_item(other, dtype)?),
    }
    Ok(out)
}

/// A per-array argument: a list gives one entry per array, anything else
/// applies to all of them.
fn per_array(v: &Option<Value>, n: usize) -> Vec<Option<Value>> {
    match v {
        Some(Value::List(l)) => {
            let l = l.read();
            (0..n).map(|k| l.get(k).cloned()).collect()
        }
        other => vec![other.clone(); n],
    }
}

fn usage(msg: String) -> Box<exc::PyErr> {
    exc::type_error(format!(
        "{msg}\nUsage:   da.map_overlap(function, x)\n   or:   da.map_overlap(function, x, y, z)"
    ))
}

fn truthy(v: Option<Value>, default: bool) -> bool {
    v.and_then(|v| v.truthy_simple()).unwrap_or(default)
}

fn chunks_value(chunks: &[Vec<usize>]) -> Value {
    Value::tuple(
        chunks
            .iter()
            .map(|c| Value::tuple(c.iter().map(|&n| Value::Int(n as i64)).collect()))
            .collect(),
    )
}

fn axes_of(v: Option<&Value>, ndim: usize) -> Vec<usize> {
    let norm = |i: i64| i.rem_euclid(ndim.max(1) as i64) as usize;
    match v {
        Some(Value::Int(i)) => vec![norm(*i)],
        Some(v) => items(v)
            .unwrap_or_default()
            .iter()
            .filter_map(|x| match x {
                Value::Int(i) => Some(norm(*i)),
                _ => None,
            })
            .collect(),
        None => Vec::new(),
    }
}

/// `da.map_overlap(func, *arrays, depth=, boundary=, trim=True, align_arrays=True,
/// allow_rechunk=True, **map_blocks_kwargs)`.
pub fn map_overlap(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(exc::type_error(
            "map_overlap() missing required argument: 'func'",
        ));
    }
    let func = a.pos.remove(0);
    if !func.is_callable() {
        return Err(usage(format!(
            "First argument must be callable function, not {}",
            func.type_name()
        )));
    }
    let mut arrays: Vec<Array> = Vec::with_capacity(a.pos.len());
    for v in &a.pos {
        match as_array(v) {
            Some(x) => arrays.push(x),
            None => {
                let names: Vec<String> = a
                    .pos
                    .iter()
                    .map(|v| format!("'{}'", v.type_name()))
                    .collect();
                return Err(usage(format!(
                    "All variadic arguments must be arrays, not [{}]",
                    names.join(", ")
                )));
            }
        }
    }
    let depth_arg = a.take_kw("depth");
    let boundary_arg = a.take_kw("boundary");
    let trim = truthy(a.take_kw("trim"), true);
    let align = truthy(a.take_kw("align_arrays"), true);
    let allow_rechunk = truthy(a.take_kw("allow_rechunk"), true);
    let n = arrays.len();
    let depths: Vec<Vec<Depth>> = per_array(&depth_arg, n)
        .iter()
        .zip(&arrays)
        .map(|(d, x)| coerce_depth(d.as_ref(), x.meta().ndim()))
        .collect::<PyResult<_>>()?;
    let boundaries: Vec<Vec<Boundary>> = per_array(&boundary_arg, n)
        .iter()
        .zip(&arrays)
        .map(|(b, x)| coerce_boundary(b.as_ref(), x.meta().ndim(), x.meta().dtype))
        .collect::<PyResult<_>>()?;
    if align && n > 1 {
        // Axes are matched from the last one, as NumPy broadcasts.
        let labels: Vec<Vec<String>> = arrays
            .iter()
            .map(|x| {
                let nd = x.meta().ndim();
                (0..nd).map(|ax| (nd - 1 - ax).to_string()).collect()
            })
            .collect();
        arrays = array::unify::unify_chunks(&arrays, &labels)
            .map_err(convert::array_error)?
            .1;
    }
    let mut call = Args::pos(std::iter::once(func.clone()).collect());
    call.kw = std::mem::take(&mut a.kw);
    if depths.iter().all(|d| d.iter().all(|d| d.max() == 0)) {
        // No halo: exactly map_blocks.
        call.pos.extend(arrays.into_iter().map(ArrayObj::value));
        return mapblocks::map_blocks_probing(vm, call, true);
    }
    for (k, (d, b)) in depths.iter().zip(&boundaries).enumerate() {
        if let Some(ax) = ov::asymmetric_axis(d, b) {
            return Err(exc::new(
                "NotImplementedError",
                format!(
                    "Asymmetric overlap is currently only implemented for boundary='none', \
                     however boundary for dimension {ax} in array argument {k} is {}",
                    b[ax].describe()
                ),
            ));
        }
    }
    let has_chunks = call.kw.iter().any(|(k, _)| &**k == "chunks");
    if !trim && !has_chunks {
        let c = ov::overlap_chunks(&arrays[0], &depths[0], allow_rechunk)
            .map_err(convert::array_error)?;
        call.kw.push((ArcStr::from("chunks"), chunks_value(&c)));
    }
    let kw_of = |name: &str| {
        call.kw
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    };
    let (drop_axis, new_axis) = (kw_of("drop_axis"), kw_of("new_axis"));
    for ((x, d), b) in arrays.iter().zip(&depths).zip(&boundaries) {
        let ext = ov::overlap(x, d, b, allow_rechunk).map_err(convert::array_error)?;
        call.pos.push(ArrayObj::value(ext));
    }
    let mapped = mapblocks::map_blocks_probing(vm, call, true)?;
    if !trim {
        return Ok(mapped);
    }
    let out = as_array(&mapped).expect("map_blocks returns a lazy array");
    // Trim by the highest-rank array's halo (the first of them on ties),
    // with dropped axes removed and new axes added without halo.
    let top = (0..n)
        .rev()
        .max_by_key(|&k| arrays[k].meta().ndim())
        .unwrap_or(0);
    let ndim_in = arrays.iter().map(|x| x.meta().ndim()).max().unwrap_or(0);
    let dropped = axes_of(drop_axis.as_ref(), ndim_in);
    let mut depth: Vec<Depth> = Vec::new();
    let mut boundary: Vec<Boundary> = Vec::new();
    for ax in (0..depths[top].len()).filter(|ax| !dropped.contains(ax)) {
        depth.push(depths[top][ax]);
        boundary.push(boundaries[top][ax]);
    }
    let mut added = axes_of(new_axis.as_ref(), ndim_in);
    added.sort_unstable();
    for ax in added {
        let at = ax.min(depth.len());
        depth.insert(at, Depth::default());
        boundary.insert(at, Boundary::None);
    }
    ov::trim_internal(&out, &depth, &boundary)
        .map(ArrayObj::value)
        .map_err(convert::array_error)
}

/// `x.map_overlap(func, depth, boundary=None, trim=True, **kwargs)`.
pub fn method(x: Value) -> Value {
    bound(
        "map_overlap",
        "map_overlap(func, depth, boundary=None, trim=True, **kwargs)",
        "Apply a function to every block extended by its neighbours' elements.",
        move |vm, mut a| {
            let func = req(&mut a, 0, "func", "map_overlap")?;
            let named = ["depth", "boundary", "trim"];
            for (i, name) in named.iter().enumerate() {
                if let Some(v) = a.pos.get(i + 1).cloned() {
                    if a.kw.iter().any(|(k, _)| &**k == *name) {
                        return Err(exc::type_error(format!(
                            "map_overlap() got multiple values for argument '{name}'"
                        )));
                    }
                    a.kw.push((ArcStr::from(*name), v));
                }
            }
            if !a.kw.iter().any(|(k, _)| &**k == "depth") {
                return Err(exc::type_error(
                    "Array.map_overlap() missing 1 required positional argument: 'depth'",
                ));
            }
            a.pos = vec![func, x.clone()];
            map_overlap(vm, a)
        },
    )
}

fn array_arg(a: &mut Args, i: usize, name: &str, f: &str) -> PyResult<Array> {
    let v = req(a, i, name, f)?;
    as_array(&v).ok_or_else(|| super::objects::not_array(f, &v))
}

/// `da.overlap`: `overlap`, `trim_internal`, `trim_overlap`, `map_overlap`.
pub fn module() -> Value {
    let m = Arc::new(Module::new(
        "dask.array.overlap",
        "Blocks extended by their neighbours' elements, and trimmed back.",
    ));
    m.func(
        "overlap",
        "overlap(x, depth, boundary, *, allow_rechunk=True)",
        "Extend every block by `depth` elements of its neighbours (boundary rules at the edges).",
        |_vm, mut a| {
            let x = array_arg(&mut a, 0, "x", "overlap")?;
            let (nd, dt) = (x.meta().ndim(), x.meta().dtype);
            let depth = coerce_depth(Some(&req(&mut a, 1, "depth", "overlap")?), nd)?;
            let boundary = coerce_boundary(Some(&req(&mut a, 2, "boundary", "overlap")?), nd, dt)?;
            let allow = truthy(a.take_kw("allow_rechunk"), true);
            a.check("overlap", 3)?;
            ov::overlap(&x, &depth, &boundary, allow)
                .map(ArrayObj::value)
                .map_err(convert::array_error)
        },
    );
    for name in ["trim_internal", "trim_overlap"] {
        let (second, sig) = if name == "trim_internal" {
            ("axes", "trim_internal(x, axes, boundary=None)")
        } else {
            ("depth", "trim_overlap(x, depth, boundary=None)")
        };
        m.func(
            name,
            sig,
            "Cut the halo `overlap` added off every block.",
            move |_vm, mut a| {
                let x = array_arg(&mut a, 0, "x", name)?;
                let (nd, dt) = (x.meta().ndim(), x.meta().dtype);
                let depth = coerce_depth(Some(&req(&mut a, 1, second, name)?), nd)?;
                let boundary = coerce_boundary(a.arg(2, "boundary").as_ref(), nd, dt)?;
                a.check(name, 3)?;
                ov::trim_internal(&x, &depth, &boundary)
                    .map(ArrayObj::value)
                    .map_err(convert::array_error)
            },
        );
    }
    m.func(
        "map_overlap",
        SIGNATURE,
        "Apply a function to every block extended by its neighbours' elements.",
        map_overlap,
    );
    Value::Module(m)
}

/// `da.map_overlap`'s signature, for the module table and inspection.
pub const SIGNATURE: &str = "map_overlap(func, *args, depth=None, boundary=None, trim=True, \
     align_arrays=True, allow_rechunk=True, **kwargs)";
