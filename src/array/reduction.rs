//! Reductions (`sum`, `mean`, `std`, `argmax`, `nan*`, ...) as tree reductions:
//! a partial per block, combined `split_every` at a time, then finalised.

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, Op, Reduction};
use crate::chunk::{self, Chunk, ReduceOp};
use crate::graph::Tokenizer;

/// Default fan-in of the combine tree.
pub const SPLIT_EVERY: usize = 4;

/// Normalise `axis=` (None = all axes) against `ndim`, with NumPy's messages.
pub fn normalize_axes(axes: Option<&[isize]>, ndim: usize) -> Result<Vec<usize>, ArrayError> {
    let mut out = match axes {
        None => (0..ndim).collect::<Vec<_>>(),
        Some(ax) => {
            let mut v = Vec::with_capacity(ax.len());
            for &a in ax {
                let n = if a < 0 { a + ndim as isize } else { a };
                if n < 0 || n as usize >= ndim {
                    return Err(ArrayError::Shape(format!(
                        "axis {a} is out of bounds for array of dimension {ndim}"
                    )));
                }
                if v.contains(&(n as usize)) {
                    return Err(ArrayError::Value("duplicate value in 'axis'".into()));
                }
                v.push(n as usize);
            }
            v
        }
    };
    out.sort_unstable();
    Ok(out)
}

/// A lazy reduction of `a` over `axes`.
pub fn reduce(
    a: &Array,
    op: ReduceOp,
    axes: Option<&[isize]>,
    keepdims: bool,
    ddof: usize,
    split_every: Option<usize>,
) -> Result<Array, ArrayError> {
    let m = a.meta();
    let axes = normalize_axes(axes, m.ndim())?;
    if op.is_arg() && m.has_unknown() {
        return Err(super::mask::unknown_message("argmin/argmax"));
    }
    if op.is_arg() && axes.len() > 1 && axes.len() != m.ndim() {
        return Err(ArrayError::Value(
            "axis must be an int or None for arg reductions".into(),
        ));
    }
    // The result dtype, from the kernel itself on a 1-element block.
    let probe =
        Chunk::ones(&vec![1; m.ndim()], m.dtype).map_err(|e| ArrayError::Value(e.to_string()))?;
    let dtype = chunk::reduce(
        &probe,
        op,
        Some(&axes.iter().map(|&x| x as isize).collect::<Vec<_>>()),
        false,
        0,
    )
    .map_err(|e| ArrayError::Value(e.to_string()))?
    .dtype();
    let mut shape = Vec::new();
    let mut chunks = Vec::new();
    for ax in 0..m.ndim() {
        if axes.contains(&ax) {
            if keepdims {
                shape.push(1);
                chunks.push(vec![1]);
            }
        } else {
            shape.push(m.shape[ax]);
            chunks.push(m.chunks[ax].clone());
        }
    }
    let split_every = split_every.unwrap_or(SPLIT_EVERY).max(2);
    let mut t = Tokenizer::new();
    t.str(a.name())
        .str(&format!("{op:?}"))
        .u32s(&axes.iter().map(|&x| x as u32).collect::<Vec<_>>())
        .bool(keepdims)
        .u64(ddof as u64)
        .u64(split_every as u64);
    let prefix = format!("{}-aggregate", op_name(op));
    Ok(Array::from_op(
        &prefix,
        &t,
        Meta::new(shape, chunks, dtype),
        Op::Reduce(Box::new(Reduction {
            input: a.clone(),
            op,
            axes,
            keepdims,
            split_every,
            ddof,
        })),
    ))
}

/// NumPy's name of a reduction (the chunk layer's own naming).
pub fn op_name(op: ReduceOp) -> &'static str {
    op.name()
}
