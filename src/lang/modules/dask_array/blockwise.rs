//! `da.blockwise(func, out_ind, *args, dtype=, new_axes=, concatenate=,
//! adjust_chunks=, align_arrays=True, **kwargs)`: Dask's index notation.
//! Arrays sharing an index are unified block by block; an index missing from
//! the output is contracted (the function gets every block along it, as a
//! list, or concatenated with `concatenate=True`); `None` marks a constant.
//! The user function runs through `map_blocks`' per-block plumbing.

use super::blockcall::func_prefix;
use super::blockwise_plan::{Arg, Blockwise, Input, Role};
use super::convert;
use super::objects::{lazy_operand, ArrayObj, NdArrayObj};
use crate::array::unify::LabelChunks;
use crate::array::{self, Array, Meta, Op};
use crate::chunk::{Chunk, DType};
use crate::graph::Tokenizer;
use crate::lang::builtins::to_int;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::repr::repr_simple;
use crate::lang::value::Value;
use arcstr::ArcStr;
use std::sync::Arc;

/// An index: a string (one label per character) or a tuple of labels,
/// each kept as its Python repr.
fn labels(v: &Value) -> PyResult<Vec<String>> {
    match v {
        Value::Str(s) => Ok(s.chars().map(|c| format!("'{c}'")).collect()),
        Value::Tuple(_) | Value::List(_) => {
            let items = match v {
                Value::Tuple(t) => t.to_vec(),
                Value::List(l) => l.read().clone(),
                _ => unreachable!("matched above"),
            };
            Ok(items.iter().map(repr_simple).collect())
        }
        other => Err(exc::type_error(format!(
            "blockwise: an index must be a string or a tuple, not {}",
            other.type_name()
        ))),
    }
}

fn index_str(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        other => repr_simple(other),
    }
}

/// The chunks `adjust_chunks` gives one output axis.
fn adjust(vm: &mut Vm, rule: &Value, ax: usize, chunks: &[usize]) -> PyResult<Vec<usize>> {
    let size = |v: &Value| -> PyResult<usize> {
        usize::try_from(to_int(v, "chunk size")?)
            .map_err(|_| exc::value_error("adjust_chunks: chunk sizes must be non-negative"))
    };
    match rule {
        Value::Int(_) => Ok(vec![size(rule)?; chunks.len()]),
        Value::Tuple(_) | Value::List(_) => {
            let v = convert::shape(rule)?;
            if v.len() != chunks.len() {
                return Err(exc::value_error(format!(
                    "Dimension {ax} has {} blocks, adjust_chunks specified with {} blocks",
                    chunks.len(),
                    v.len()
                )));
            }
            Ok(v)
        }
        f if f.is_callable() => chunks
            .iter()
            .map(|&c| size(&vm.call_value(f, Args::pos(vec![Value::Int(c as i64)]))?))
            .collect(),
        _ => Err(exc::new(
            "NotImplementedError",
            "adjust_chunks values must be callable, int, or tuple",
        )),
    }
}

/// `da.blockwise(func, out_ind, *args, **kwargs)`.
pub fn blockwise(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    if a.pos.len() < 2 {
        return Err(exc::type_error(
            "blockwise() missing required arguments: 'func' and 'out_ind'",
        ));
    }
    let func = a.pos.remove(0);
    if !func.is_callable() {
        return Err(exc::type_error(format!(
            "blockwise: the first argument must be a function, not {}",
            func.type_name()
        )));
    }
    let out_labels = labels(&a.pos.remove(0))?;
    let dtype = match a.take_kw("dtype") {
        None | Some(Value::None) => None,
        Some(v) => Some(convert::dtype(&v)?),
    };
    let new_axes = a.take_kw("new_axes");
    let concatenate = a
        .take_kw("concatenate")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(false);
    let adjust_chunks = a.take_kw("adjust_chunks");
    let align = a
        .take_kw("align_arrays")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(true);
    for k in ["name", "token", "meta"] {
        let _ = a.take_kw(k);
    }
    let mut new: Vec<(String, Vec<usize>)> = Vec::new();
    match &new_axes {
        None | Some(Value::None) => {}
        Some(Value::Dict(d)) => {
            for (_, (k, v)) in d.read().iter() {
                let label = match k {
                    Value::Str(s) => format!("'{s}'"),
                    other => repr_simple(other),
                };
                let c = match v {
                    Value::Int(n) => vec![usize::try_from(*n)
                        .map_err(|_| exc::value_error("new_axes: lengths must be non-negative"))?],
                    other => convert::shape(other)?,
                };
                new.push((label, c));
            }
        }
        Some(other) => {
            return Err(exc::type_error(format!(
                "new_axes must be a dict, not {}",
                other.type_name()
            )))
        }
    }
    // Validation, in Dask's order and words.
    let mut repeated: Vec<&String> = Vec::new();
    for (k, l) in out_labels.iter().enumerate() {
        if out_labels[..k].contains(l) && !repeated.contains(&l) {
            repeated.push(l);
        }
    }
    if !repeated.is_empty() {
        let r: Vec<&str> = repeated.iter().map(|s| s.as_str()).collect();
        return Err(exc::value_error(format!(
            "('Repeated elements not allowed in output index', [{}])",
            r.join(", ")
        )));
    }
    let pairs: Vec<(Value, Value)> = a
        .pos
        .chunks(2)
        .filter(|p| p.len() == 2)
        .map(|p| (p[0].clone(), p[1].clone()))
        .collect();
    let mut in_labels: Vec<Option<Vec<String>>> = Vec::with_capacity(pairs.len());
    for (_, ind) in &pairs {
        in_labels.push(match ind {
            Value::None => None,
            other => Some(labels(other)?),
        });
    }
    let known = |l: &String| {
        in_labels.iter().flatten().any(|ls| ls.contains(l)) || new.iter().any(|(k, _)| k == l)
    };
    let unknown: Vec<&str> = out_labels
        .iter()
        .filter(|l| !known(l))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(exc::value_error(format!(
            "('Unknown dimension', {{{}}})",
            unknown.join(", ")
        )));
    }
    if a.pos.len() % 2 == 1 {
        return Err(exc::type_error(
            "blockwise: arguments must come in (argument, index) pairs",
        ));
    }
    let mut arrays: Vec<Array> = Vec::new();
    let mut arr_labels: Vec<Vec<String>> = Vec::new();
    let mut args = Vec::with_capacity(pairs.len());
    for ((v, ind), ls) in pairs.iter().zip(&in_labels) {
        let Some(ls) = ls else {
            args.push(Arg::Const(v.clone()));
            continue;
        };
        let x = lazy_operand(v).ok_or_else(|| super::objects::not_array("blockwise", v))?;
        if x.meta().ndim() != ls.len() {
            return Err(exc::value_error(format!(
                "Index string {} does not match array dimension {}",
                index_str(ind),
                x.meta().ndim()
            )));
        }
        args.push(Arg::Array(arrays.len()));
        arrays.push(x);
        arr_labels.push(ls.clone());
    }
    let (mut chunkss, arrays) = if align {
        array::unify::unify_chunks(&arrays, &arr_labels).map_err(convert::array_error)?
    } else {
        unaligned(&arrays, &arr_labels)?
    };
    for (l, c) in new {
        chunkss.retain(|(k, _)| *k != l);
        chunkss.push((l, c));
    }
    let chunks_of = |l: &String| chunkss.iter().find(|(k, _)| k == l).map(|(_, c)| c.clone());
    let mut grid: Vec<Vec<usize>> = out_labels
        .iter()
        .map(|l| chunks_of(l).expect("checked known"))
        .collect();
    if let Some(Value::Dict(d)) = &adjust_chunks {
        let rules: Vec<(Value, Value)> = d.read().iter().map(|(_, kv)| kv.clone()).collect();
        for (k, rule) in rules {
            let label = match &k {
                Value::Str(s) => format!("'{s}'"),
                other => repr_simple(other),
            };
            if let Some(ax) = out_labels.iter().position(|l| *l == label) {
                grid[ax] = adjust(vm, &rule, ax, &grid[ax])?;
            }
        }
    }
    let inputs: Vec<Input> = arrays
        .iter()
        .zip(&arr_labels)
        .map(|(x, ls)| Input {
            roles: ls
                .iter()
                .map(|l| match out_labels.iter().position(|o| o == l) {
                    Some(p) => Role::Out(p),
                    None => Role::Dummy,
                })
                .collect(),
            numblocks: x.meta().numblocks(),
            chunks: x.meta().chunks.clone(),
        })
        .collect();
    let kwargs = std::mem::take(&mut a.kw);
    let dtype = match dtype {
        Some(d) => d,
        None => probe_dtype(vm, &func, &args, &arrays, &kwargs)?,
    };
    let shape: Vec<usize> = grid.iter().map(|c| c.iter().sum()).collect();
    let out = Meta::new(shape, grid, dtype);
    let mut t = Tokenizer::new();
    t.u64(func.ptr_id().unwrap_or(0) as u64).bool(concatenate);
    for l in &out_labels {
        t.str(l);
    }
    for (x, ls) in arrays.iter().zip(&arr_labels) {
        t.str(x.name()).str(&ls.concat());
    }
    for arg in &args {
        if let Arg::Const(v) = arg {
            t.str(&repr_simple(v));
        }
    }
    for (k, v) in &kwargs {
        t.str(k).str(&repr_simple(v));
    }
    for c in &out.chunks {
        t.u64(c.len() as u64);
        for &n in c {
            t.u64(n as u64);
        }
    }
    let plan = Blockwise {
        func: func.clone(),
        args,
        kwargs,
        inputs,
        concatenate,
        out: out.clone(),
        ctx: vm.ctx.clone(),
    };
    Ok(ArrayObj::value(Array::from_op(
        &func_prefix(&func),
        &t,
        out,
        Op::Plan {
            plan: Arc::new(plan),
            inputs: arrays,
        },
    )))
}

/// `align_arrays=False`: each index takes the chunking with the most blocks;
/// the others must have as many blocks, or one (broadcast).
fn unaligned(arrays: &[Array], labels: &[Vec<String>]) -> PyResult<(LabelChunks, Vec<Array>)> {
    let mut chunkss: LabelChunks = Vec::new();
    for (x, ls) in arrays.iter().zip(labels) {
        for (c, l) in x.meta().chunks.iter().zip(ls) {
            match chunkss.iter_mut().find(|(k, _)| k == l) {
                Some((_, have)) if c.len() > have.len() => *have = c.clone(),
                Some(_) => {}
                None => chunkss.push((l.clone(), c.clone())),
            }
        }
    }
    for (x, ls) in arrays.iter().zip(labels) {
        for (c, l) in x.meta().chunks.iter().zip(ls) {
            let want = &chunkss.iter().find(|(k, _)| k == l).expect("added above").1;
            if c.len() != 1 && c.len() != want.len() {
                return Err(exc::value_error(format!(
                    "Shapes do not align {{{l}: {{{}, {}}}}}",
                    c.len().min(want.len()),
                    c.len().max(want.len())
                )));
            }
        }
    }
    Ok((chunkss, arrays.to_vec()))
}

/// The output dtype when none is given: the function called on empty arrays
/// (Dask's `compute_meta`); Dask's error when that fails.
fn probe_dtype(
    vm: &mut Vm,
    func: &Value,
    args: &[Arg],
    arrays: &[Array],
    kwargs: &[(ArcStr, Value)],
) -> PyResult<DType> {
    let fail = || exc::value_error("You must specify the meta or dtype of the array");
    let pos: Vec<Value> = args
        .iter()
        .map(|a| match a {
            Arg::Array(k) => {
                let m = arrays[*k].meta();
                Chunk::zeros(&vec![0; m.ndim()], m.dtype)
                    .map(NdArrayObj::value)
                    .map_err(|_| fail())
            }
            Arg::Const(v) => Ok(v.clone()),
        })
        .collect::<PyResult<_>>()?;
    let mut call = Args::pos(pos);
    call.kw = kwargs.to_vec();
    let v = vm.call_value(func, call).map_err(|_| fail())?;
    super::numpy::to_chunk(&v)
        .map(|c| c.dtype())
        .map_err(|_| fail())
}
