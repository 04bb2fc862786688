//! `da.map_blocks(func, *args, dtype=, chunks=, drop_axis=, new_axis=, **kwargs)`
//! and `x.map_blocks(...)`: a dialect function applied to every block, in
//! parallel on the scheduler (no GIL), with `block_id=` passed when the
//! function takes it. Array arguments are aligned block by block; other
//! arguments are passed to every call unchanged.

use super::blockcall::{call_block, func_prefix};
use super::convert;
use super::objects::{lazy_operand, ArrayObj, NdArrayObj};
use crate::array::{self, Array, BlockPlan, Meta, Op};
use crate::chunk::{Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::ParamKind;
use crate::lang::value::Value;
use arcstr::ArcStr;
use std::sync::Arc;

/// One argument of the user function: an aligned array or a constant.
#[derive(Clone)]
enum Arg {
    /// Input number `k` of the plan.
    Array(usize),
    /// Passed unchanged.
    Const(Value),
}

/// Calls the user function on the aligned blocks of each output block.
struct MapBlocks {
    func: Value,
    args: Vec<Arg>,
    kwargs: Vec<(ArcStr, Value)>,
    /// Per input: for each output axis, the input axis it follows (None: new axis).
    axis_map: Vec<Vec<Option<usize>>>,
    /// Per input: its number of blocks along each of its axes.
    numblocks: Vec<Vec<usize>>,
    out: Meta,
    with_block_id: bool,
    ctx: crate::lang::ExecContext,
}

impl BlockPlan for MapBlocks {
    fn name(&self) -> &str {
        "map_blocks"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        self.axis_map
            .iter()
            .zip(&self.numblocks)
            .enumerate()
            .map(|(k, (map, nb))| {
                let mut at = vec![0u32; nb.len()];
                for (out_ax, m) in map.iter().enumerate() {
                    if let Some(in_ax) = m {
                        // An input with one block along an axis is broadcast.
                        at[*in_ax] = if nb[*in_ax] == 1 { 0 } else { idx[out_ax] };
                    }
                }
                (k, at)
            })
            .collect()
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let pos: Vec<Value> = self
            .args
            .iter()
            .map(|a| match a {
                Arg::Array(k) => NdArrayObj::value(inputs[*k].clone()),
                Arg::Const(v) => v.clone(),
            })
            .collect();
        let mut call = Args::pos(pos);
        call.kw = self.kwargs.clone();
        if self.with_block_id {
            let id = idx.iter().map(|&i| Value::Int(i as i64)).collect();
            call.kw.push((ArcStr::from("block_id"), Value::tuple(id)));
        }
        let want = self.out.block_shape(idx);
        call_block(
            &self.ctx,
            &self.func,
            call,
            &want,
            self.out.dtype,
            "map_blocks",
            idx,
        )
    }
}

/// Whether `f` is a dialect function with a `block_id` parameter (or `**kwargs`).
fn takes_block_id(f: &Value) -> bool {
    match f {
        Value::Func(func) => func
            .code
            .params
            .iter()
            .any(|(n, k)| &**n == "block_id" || matches!(k, ParamKind::VarKw)),
        _ => false,
    }
}

fn axes_list(v: Option<Value>, f: &str) -> PyResult<Vec<isize>> {
    Ok(match v {
        None | Some(Value::None) => Vec::new(),
        Some(Value::Int(i)) => vec![i as isize],
        Some(Value::List(l)) => l
            .read()
            .iter()
            .map(|v| int_of(v, f))
            .collect::<PyResult<_>>()?,
        Some(Value::Tuple(t)) => t.iter().map(|v| int_of(v, f)).collect::<PyResult<_>>()?,
        Some(other) => {
            return Err(exc::type_error(format!(
                "{f} must be an int or a list of ints, not {}",
                other.type_name()
            )))
        }
    })
}

fn int_of(v: &Value, f: &str) -> PyResult<isize> {
    match v {
        Value::Int(i) => Ok(*i as isize),
        other => Err(exc::type_error(format!(
            "{f} must hold ints, not {}",
            other.type_name()
        ))),
    }
}

fn norm_axis(a: isize, n: usize, f: &str) -> PyResult<usize> {
    let b = if a < 0 { a + n as isize } else { a };
    if b < 0 || b as usize >= n {
        return Err(exc::value_error(format!(
            "{f}: axis {a} is out of bounds for {n} dimensions"
        )));
    }
    Ok(b as usize)
}

/// `chunks=`: a block shape (ints, one per output axis) or explicit chunks.
fn out_chunks(v: &Value, base: &[Vec<usize>]) -> PyResult<Vec<Vec<usize>>> {
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.read().clone(),
        Value::Int(_) => vec![v.clone(); base.len()],
        other => {
            return Err(exc::type_error(format!(
                "map_blocks: chunks must be a tuple, not {}",
                other.type_name()
            )))
        }
    };
    if items.len() != base.len() {
        return Err(exc::value_error(format!(
            "map_blocks: chunks has {} entries but the output has {} dimensions",
            items.len(),
            base.len()
        )));
    }
    items
        .iter()
        .zip(base)
        .map(|(it, b)| match it {
            // One block size: every block along the axis has it.
            Value::Int(n) if *n >= 0 => Ok(vec![*n as usize; b.len()]),
            Value::Tuple(_) | Value::List(_) => {
                let c = convert::shape(it)?;
                if c.len() != b.len() {
                    return Err(exc::value_error(format!(
                        "map_blocks: chunks {c:?} give {} blocks where the input has {}",
                        c.len(),
                        b.len()
                    )));
                }
                Ok(c)
            }
            other => Err(exc::type_error(format!(
                "map_blocks: bad chunk size {}",
                crate::lang::repr::repr_simple(other)
            ))),
        })
        .collect()
}

/// `da.map_blocks(func, *args, **kwargs)`.
pub fn map_blocks(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_blocks_probing(vm, a, false)
}

/// `map_blocks`, where dtype inference may also try blocks of one element
/// when empty ones fail (as Dask's `apply_infer_dtype` does after
/// `compute_meta`; `map_overlap` needs it for functions indexing their block).
pub(super) fn map_blocks_probing(vm: &mut Vm, mut a: Args, ones: bool) -> PyResult<Value> {
    if a.pos.is_empty() {
        return Err(exc::type_error(
            "map_blocks() missing required argument: 'func'",
        ));
    }
    let func = a.pos.remove(0);
    if !func.is_callable() {
        return Err(exc::type_error(format!(
            "map_blocks: the first argument must be a function, not {}",
            func.type_name()
        )));
    }
    let dtype = match a.take_kw("dtype") {
        None | Some(Value::None) => None,
        Some(v) => Some(convert::dtype(&v)?),
    };
    let chunks = a.take_kw("chunks");
    let drop_axis = axes_list(a.take_kw("drop_axis"), "drop_axis")?;
    let new_axis = axes_list(a.take_kw("new_axis"), "new_axis")?;
    for k in ["name", "token", "meta", "enforce_ndim"] {
        let _ = a.take_kw(k);
    }
    // Array arguments (lazy, or eager wrapped in one block) and constants.
    let mut inputs: Vec<Array> = Vec::new();
    let mut args = Vec::new();
    for v in &a.pos {
        let is_array =
            super::objects::as_array(v).is_some() || super::objects::as_ndarray(v).is_some();
        match lazy_operand(v).filter(|_| is_array) {
            Some(x) => {
                args.push(Arg::Array(inputs.len()));
                inputs.push(x);
            }
            None => args.push(Arg::Const(v.clone())),
        }
    }
    let Some(first) = inputs.first().cloned() else {
        return Err(exc::value_error(
            "map_blocks needs at least one array argument",
        ));
    };
    for x in &inputs {
        array::mask::require_known(x, "map_blocks").map_err(convert::array_error)?;
    }
    let ndim = first.meta().ndim();
    let drop: Vec<usize> = drop_axis
        .iter()
        .map(|&d| norm_axis(d, ndim, "drop_axis"))
        .collect::<PyResult<_>>()?;
    // Inputs share the first one's chunks; dropped axes become one block
    // (the function sees them whole, as in Dask).
    let mut target = first.meta().chunks.clone();
    for &d in &drop {
        target[d] = vec![first.meta().shape[d]];
    }
    let mut aligned = Vec::with_capacity(inputs.len());
    for x in &inputs {
        if x.meta().ndim() != ndim {
            return Err(exc::value_error(format!(
                "map_blocks: array arguments must have the same number of dimensions ({} and {})",
                ndim,
                x.meta().ndim()
            )));
        }
        let mut want = target.clone();
        let (xs, fs) = (&x.meta().shape, &first.meta().shape);
        for (w, (&n, &m)) in want.iter_mut().zip(xs.iter().zip(fs)) {
            if n == 1 && m != 1 {
                *w = vec![1];
            } else if n != m {
                return Err(exc::value_error(format!(
                    "map_blocks: shapes {} and {} do not line up",
                    crate::chunk::shape_str(&first.meta().shape),
                    crate::chunk::shape_str(&x.meta().shape)
                )));
            }
        }
        aligned.push(array::manipulation::rechunk(x, want).map_err(convert::array_error)?);
    }
    // Output axes: the kept input axes, with new axes inserted.
    let kept: Vec<usize> = (0..ndim).filter(|ax| !drop.contains(ax)).collect();
    let out_ndim = kept.len() + new_axis.len();
    let mut new_pos: Vec<usize> = new_axis
        .iter()
        .map(|&n| norm_axis(n, out_ndim, "new_axis"))
        .collect::<PyResult<_>>()?;
    new_pos.sort_unstable();
    let mut follow: Vec<Option<usize>> = Vec::with_capacity(out_ndim);
    let mut rest = kept.iter();
    for ax in 0..out_ndim {
        follow.push(if new_pos.contains(&ax) {
            None
        } else {
            rest.next().copied()
        });
    }
    let base: Vec<Vec<usize>> = follow
        .iter()
        .map(|f| match f {
            Some(ax) => target[*ax].clone(),
            None => vec![1],
        })
        .collect();
    let grid = match &chunks {
        None | Some(Value::None) => base,
        Some(c) => out_chunks(c, &base)?,
    };
    let shape: Vec<usize> = grid.iter().map(|c| c.iter().sum()).collect();
    let with_block_id = takes_block_id(&func);
    let kwargs = std::mem::take(&mut a.kw);
    let dtype = match dtype {
        Some(d) => d,
        None => infer_dtype(vm, &func, &args, &inputs, &kwargs, with_block_id, ones)?,
    };
    let out = Meta::new(shape, grid, dtype);
    let mut t = Tokenizer::new();
    t.u64(func.ptr_id().unwrap_or(0) as u64);
    for x in &aligned {
        t.str(x.name());
    }
    for (k, v) in &kwargs {
        t.str(k).str(&crate::lang::repr::repr_simple(v));
    }
    for arg in &args {
        if let Arg::Const(v) = arg {
            t.str(&crate::lang::repr::repr_simple(v));
        }
    }
    let plan = MapBlocks {
        func: func.clone(),
        args,
        kwargs,
        axis_map: aligned.iter().map(|_| follow.clone()).collect(),
        numblocks: aligned.iter().map(|x| x.meta().numblocks()).collect(),
        out: out.clone(),
        with_block_id,
        ctx: vm.ctx.clone(),
    };
    let prefix = func_prefix(&func);
    Ok(ArrayObj::value(Array::from_op(
        &prefix,
        &t,
        out,
        Op::Plan {
            plan: Arc::new(plan),
            inputs: aligned,
        },
    )))
}

/// The output dtype, found as Dask does: call the function on empty arrays
/// of the inputs' dtypes (then, with `ones`, on one-element arrays).
fn infer_dtype(
    vm: &mut Vm,
    func: &Value,
    args: &[Arg],
    inputs: &[Array],
    kwargs: &[(ArcStr, Value)],
    with_block_id: bool,
    ones: bool,
) -> PyResult<DType> {
    let hint = "`dtype` inference failed in `map_blocks`.\n\n\
                Please specify the dtype explicitly using the `dtype` kwarg.";
    let sizes: &[usize] = if ones { &[0, 1] } else { &[0] };
    let mut failure = None;
    for &size in sizes {
        let pos: PyResult<Vec<Value>> = args
            .iter()
            .map(|a| match a {
                Arg::Array(k) => {
                    let m = inputs[*k].meta();
                    let shape = vec![size; m.ndim()];
                    let probe = if size == 0 {
                        Chunk::zeros(&shape, m.dtype)
                    } else {
                        Chunk::ones(&shape, m.dtype)
                    };
                    probe.map(NdArrayObj::value).map_err(convert::chunk_error)
                }
                Arg::Const(v) => Ok(v.clone()),
            })
            .collect();
        let mut call = Args::pos(pos?);
        call.kw = kwargs.to_vec();
        if with_block_id {
            let ndim = inputs[0].meta().ndim();
            call.kw.push((
                ArcStr::from("block_id"),
                Value::tuple(vec![Value::Int(0); ndim]),
            ));
        }
        match vm.call_value(func, call) {
            Ok(v) => match super::numpy::to_chunk(&v) {
                Ok(c) => return Ok(c.dtype()),
                Err(_) => failure = Some(exc::value_error(hint)),
            },
            Err(e) => {
                failure = Some(exc::value_error(format!(
                    "{hint}\n\nOriginal error is below:\n------------------------\n{}: {}",
                    e.name(),
                    e.message()
                )))
            }
        }
    }
    Err(failure.unwrap_or_else(|| exc::value_error(hint)))
}
