//! Elementwise operations: NumPy broadcasting over lazy arrays. Inputs whose
//! chunks differ along a shared axis are rechunked to the first input's chunks,
//! so every output block reads exactly one block of each input.

use super::error::ArrayError;
use super::kernels::{AsType, Binary, BinaryScalar, Unary};
use super::manipulation::rechunk;
use super::meta::Meta;
use super::node::{Array, BlockKernel, Op};
use crate::chunk::{broadcast_shapes, BinaryOp, Chunk, DType, PyScalar, UnaryOp};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// The dtype a kernel produces for these input dtypes (run on 1-element blocks).
fn result_dtype(kernel: &dyn BlockKernel, dtypes: &[DType]) -> Result<DType, ArrayError> {
    let probes: Vec<Chunk> = dtypes
        .iter()
        .map(|&d| Chunk::ones(&[1], d))
        .collect::<Result<_, _>>()
        .map_err(|e| ArrayError::Value(e.to_string()))?;
    let refs: Vec<&Chunk> = probes.iter().collect();
    kernel
        .run(&refs)
        .map(|c| c.dtype())
        .map_err(|e| ArrayError::Value(e.to_string()))
}

/// Build a blockwise node of `kernel` over broadcast-aligned `inputs`.
pub fn blockwise(
    kernel: Arc<dyn BlockKernel>,
    inputs: &[Array],
    token: &Tokenizer,
) -> Result<Array, ArrayError> {
    let mut shape: Vec<usize> = Vec::new();
    for a in inputs {
        shape = broadcast_shapes(&shape, &a.meta().shape)
            .map_err(|e| ArrayError::Shape(e.to_string()))?;
    }
    let nd = shape.len();
    // Output chunks: from the first input that spans each axis.
    let mut chunks: Vec<Option<Vec<usize>>> = vec![None; nd];
    for a in inputs {
        let m = a.meta();
        let off = nd - m.ndim();
        for (j, c) in m.chunks.iter().enumerate() {
            if m.shape[j] == shape[off + j] && chunks[off + j].is_none() {
                chunks[off + j] = Some(c.clone());
            }
        }
    }
    let chunks: Vec<Vec<usize>> = chunks
        .into_iter()
        .zip(&shape)
        .map(|(c, &s)| c.unwrap_or_else(|| vec![s]))
        .collect();
    if inputs.iter().any(|a| a.meta().has_unknown()) {
        // Unknown sizes cannot be rechunked: inputs must already line up.
        for a in inputs {
            let m = a.meta();
            let off = nd - m.ndim();
            for (j, c) in m.chunks.iter().enumerate() {
                if m.shape[j] == shape[off + j] && *c != chunks[off + j] {
                    return Err(super::mask::unknown_message(
                        "elementwise operation on arrays whose chunks differ",
                    ));
                }
            }
        }
    }
    let mut aligned = Vec::with_capacity(inputs.len());
    for a in inputs {
        let m = a.meta();
        let off = nd - m.ndim();
        let want: Vec<Vec<usize>> = (0..m.ndim())
            .map(|j| {
                if m.shape[j] == shape[off + j] {
                    chunks[off + j].clone()
                } else {
                    m.chunks[j].clone()
                }
            })
            .collect();
        aligned.push(if want == m.chunks {
            a.clone()
        } else {
            rechunk(a, want)?
        });
    }
    let dtypes: Vec<DType> = aligned.iter().map(|a| a.meta().dtype).collect();
    let dtype = result_dtype(kernel.as_ref(), &dtypes)?;
    let mut t = token.clone();
    for a in &aligned {
        t.str(a.name());
    }
    let name = kernel.name().to_string();
    Ok(Array::from_op(
        &name,
        &t,
        Meta::new(shape, chunks, dtype),
        Op::Map {
            kernel,
            inputs: aligned,
        },
    ))
}

/// `a <op> b` for two lazy arrays.
pub fn binary(op: BinaryOp, a: &Array, b: &Array) -> Result<Array, ArrayError> {
    let mut t = Tokenizer::new();
    t.str(op.ufunc_name());
    blockwise(Arc::new(Binary(op)), &[a.clone(), b.clone()], &t)
}

/// `a <op> scalar` or `scalar <op> a`.
pub fn binary_scalar(
    op: BinaryOp,
    a: &Array,
    scalar: PyScalar,
    scalar_left: bool,
) -> Result<Array, ArrayError> {
    let mut t = Tokenizer::new();
    t.str(op.ufunc_name())
        .bool(scalar_left)
        .str(&format!("{scalar:?}"));
    let k = BinaryScalar {
        op,
        scalar,
        scalar_left,
    };
    blockwise(Arc::new(k), std::slice::from_ref(a), &t)
}

/// A one-input ufunc; `name` is NumPy's name for it.
pub fn unary(op: UnaryOp, name: &'static str, a: &Array) -> Result<Array, ArrayError> {
    let mut t = Tokenizer::new();
    t.str(name);
    blockwise(Arc::new(Unary(op, name)), std::slice::from_ref(a), &t)
}

/// `a.astype(dtype)`.
pub fn astype(a: &Array, dtype: DType) -> Result<Array, ArrayError> {
    if a.meta().dtype == dtype {
        return Ok(a.clone());
    }
    let mut t = Tokenizer::new();
    t.str(dtype.name());
    blockwise(Arc::new(AsType(dtype)), std::slice::from_ref(a), &t)
}

/// `a.round(decimals)`.
pub fn round(a: &Array, decimals: i32) -> Result<Array, ArrayError> {
    let mut t = Tokenizer::new();
    t.u64(decimals as i64 as u64);
    blockwise(
        Arc::new(super::kernels::Round(decimals)),
        std::slice::from_ref(a),
        &t,
    )
}
