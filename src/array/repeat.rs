//! `repeat` with an integer count along one axis, chunked as Dask does: each
//! input block is cut into slabs at `round(linspace(start, stop, repeats))`
//! and each slab, repeated, is one output block.

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use super::slicing::{getitem, IndexItem};
use crate::chunk::{self, index::IndexElem, Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// One output slab along the axis: which input block, and where in it.
#[derive(Clone, Copy)]
struct Slab {
    block: u32,
    start: usize,
    len: usize,
}

struct Repeat {
    axis: usize,
    repeats: usize,
    slabs: Vec<Slab>,
}

impl BlockPlan for Repeat {
    fn name(&self) -> &str {
        "repeat"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut at = idx.to_vec();
        at[self.axis] = self.slabs[idx[self.axis] as usize].block;
        vec![(0, at)]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let s = self.slabs[idx[self.axis] as usize];
        let mut index = vec![IndexElem::FULL; inputs[0].ndim()];
        index[self.axis] = IndexElem::Slice {
            start: Some(s.start as isize),
            stop: Some((s.start + s.len) as isize),
            step: 1,
        };
        let part = chunk::slice(inputs[0], &index)?;
        chunk::arrange::repeat(&part, self.repeats, Some(self.axis as isize))
    }
}

/// Dask's slabs of one block `[start, stop)`: `round(linspace(start, stop,
/// repeats))` (ties to even, as NumPy rounds), empty pieces dropped.
fn slabs_of(block: u32, start: usize, stop: usize, repeats: usize) -> Vec<Slab> {
    if repeats > stop - start {
        // Points at most 1 apart: every integer in [start, stop] is hit, so
        // every element is its own slab (without a `repeats`-long linspace).
        return (0..stop - start)
            .map(|i| Slab {
                block,
                start: i,
                len: 1,
            })
            .collect();
    }
    let pts = chunk::Chunk::linspace(
        start as f64,
        stop as f64,
        repeats,
        true,
        chunk::DType::Float64,
    )
    .map(|c| c.to_f64_vec())
    .unwrap_or_default();
    let pts: Vec<f64> = pts.iter().map(|v| v.round_ties_even()).collect();
    pts.windows(2)
        .filter(|w| w[0] != w[1])
        .map(|w| Slab {
            block,
            start: w[0] as usize - start,
            len: (w[1] - w[0]) as usize,
        })
        .collect()
}

/// `da.repeat(a, repeats, axis)`: `axis=None` only for 1-D arrays, as in Dask.
pub fn repeat(a: &Array, repeats: i64, axis: Option<isize>) -> Result<Array, ArrayError> {
    let m = a.meta();
    let nd = m.ndim() as isize;
    let ax = match axis {
        None if nd == 1 => 0,
        None => {
            return Err(ArrayError::NotImplemented(
                "Must supply an integer axis value".into(),
            ))
        }
        Some(x) if -nd <= x && x < 0 => (x + nd) as usize,
        Some(x) if 0 <= x && x < nd => x as usize,
        Some(x) => return Err(ArrayError::Value(format!("axis(={x}) out of bounds"))),
    };
    if repeats < 0 {
        return Err(ArrayError::Value(format!(
            "Number of samples, {repeats}, must be non-negative."
        )));
    }
    if repeats == 0 {
        let mut idx = vec![IndexItem::Slice(None, None, None); m.ndim()];
        idx[ax] = IndexItem::Slice(Some(0), Some(0), None);
        return getitem(a, &idx);
    }
    if repeats == 1 {
        return Ok(a.clone());
    }
    super::mask::require_known(a, "repeat")?;
    let r = repeats as usize;
    let too_big = || ArrayError::Value("Maximum allowed dimension exceeded".into());
    let len = m.shape[ax].checked_mul(r).ok_or_else(too_big)?;
    let nslabs: u128 = m.chunks[ax].iter().map(|&c| c.min(r - 1) as u128).sum();
    if nslabs.saturating_mul((m.nblocks() / m.chunks[ax].len().max(1)) as u128)
        > super::chunks::MAX_BLOCKS
    {
        return Err(ArrayError::Chunks(format!(
            "repeat: {nslabs} blocks along axis {ax} are too many to schedule; rechunk to larger blocks first"
        )));
    }
    let mut slabs = Vec::new();
    let mut start = 0usize;
    for (b, &c) in m.chunks[ax].iter().enumerate() {
        slabs.extend(slabs_of(b as u32, start, start + c, r));
        start += c;
    }
    let mut chunks = m.chunks.clone();
    chunks[ax] = slabs.iter().map(|s| s.len.saturating_mul(r)).collect();
    let mut shape = m.shape.clone();
    shape[ax] = len;
    let meta = Meta::new(shape, chunks, m.dtype);
    let mut t = Tokenizer::new();
    t.str(a.name()).u64(r as u64).u64(ax as u64);
    Ok(Array::from_op(
        "repeat",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(Repeat {
                axis: ax,
                repeats: r,
                slabs,
            }),
            inputs: vec![a.clone()],
        },
    ))
}
