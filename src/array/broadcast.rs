//! `broadcast_to`: a read-only view repeated to a bigger shape, with Dask's
//! chunks (new leading axes and stretched length-1 axes are one block each
//! unless chunks are given). Each output block broadcasts one input block.

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

struct BroadcastTo {
    /// Number of new leading axes.
    new_axes: usize,
    /// Input axes whose chunks are `(1,)`: every output block reads block 0.
    single: Vec<bool>,
    /// Output chunks, to know each block's shape.
    meta: Meta,
}

impl BlockPlan for BroadcastTo {
    fn name(&self) -> &str {
        "broadcast_to"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let at = idx[self.new_axes..]
            .iter()
            .zip(&self.single)
            .map(|(&i, &one)| if one { 0 } else { i })
            .collect();
        vec![(0, at)]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        inputs[0].broadcast_to(&self.meta.block_shape(idx))
    }
}

/// `da.broadcast_to(a, shape, chunks)`: Dask's checks and chunking.
pub fn broadcast_to(
    a: &Array,
    shape: &[usize],
    chunks: Option<Vec<Vec<usize>>>,
) -> Result<Array, ArrayError> {
    let m = a.meta();
    if m.shape == shape && chunks.as_ref().is_none_or(|c| *c == m.chunks) {
        return Ok(a.clone());
    }
    super::mask::require_known(a, "broadcast_to")?;
    let tuple = |s: &[usize]| crate::chunk::shape_str(s);
    let bad = || {
        ArrayError::Value(format!(
            "cannot broadcast shape {} to shape {}",
            tuple(&m.shape),
            tuple(shape)
        ))
    };
    if shape.len() < m.ndim() {
        return Err(bad());
    }
    let new_axes = shape.len() - m.ndim();
    if shape[new_axes..]
        .iter()
        .zip(&m.shape)
        .any(|(&new, &old)| old != 1 && new != old)
    {
        return Err(bad());
    }
    let chunks = match chunks {
        None => shape[..new_axes]
            .iter()
            .map(|&s| vec![s])
            .chain(
                m.chunks
                    .iter()
                    .zip(&m.shape)
                    .zip(&shape[new_axes..])
                    .map(|((c, &old), &new)| if old > 1 { c.clone() } else { vec![new] }),
            )
            .collect(),
        Some(c) => {
            for (old, new) in m.chunks.iter().zip(&c[new_axes..]) {
                if old != new && *old != [1] {
                    return Err(ArrayError::Value(format!(
                        "cannot broadcast chunks {:?} to chunks {:?}: new chunks must either be along a new dimension or a dimension of size 1",
                        m.chunks, c
                    )));
                }
            }
            c
        }
    };
    let meta = Meta::new(shape.to_vec(), chunks, m.dtype);
    let plan = BroadcastTo {
        new_axes,
        single: m.chunks.iter().map(|c| *c == [1]).collect(),
        meta: meta.clone(),
    };
    let mut t = Tokenizer::new();
    t.str(a.name());
    Ok(Array::from_op(
        "broadcast_to",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![a.clone()],
        },
    ))
}
