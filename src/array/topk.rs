//! Lazy `topk`/`argtopk` as a reduction along one axis: each block keeps its
//! own top `|k|` (with global positions for `argtopk`), then one task per
//! lane of blocks merges the survivors and sorts them (Dask's scheme; the
//! result has one block of `|k|` along the axis).

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{self, topk::topk_len, Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// Per block: the top `|k|` values, or their global positions.
struct Part {
    k: i64,
    axis: usize,
    /// Start of each block along the axis.
    starts: Vec<usize>,
    positions: bool,
}

impl BlockPlan for Part {
    fn name(&self) -> &str {
        if self.positions {
            "argtopk-chunk"
        } else {
            "topk-chunk"
        }
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let off = self.starts[idx[self.axis] as usize] as i64;
        let (v, i) = chunk::topk::argtopk(inputs[0], None, off, self.k, self.axis as isize)?;
        Ok(if self.positions { i } else { v })
    }
}

/// Per lane of blocks along the axis: merge every block's survivors.
struct Merge {
    k: i64,
    axis: usize,
    nblocks: u32,
    positions: bool,
}

impl BlockPlan for Merge {
    fn name(&self) -> &str {
        if self.positions {
            "argtopk-aggregate"
        } else {
            "topk-aggregate"
        }
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let at = |b: u32| {
            let mut v = idx.to_vec();
            v[self.axis] = b;
            v
        };
        let mut v: Vec<(usize, Vec<u32>)> = (0..self.nblocks).map(|b| (0, at(b))).collect();
        if self.positions {
            v.extend((0..self.nblocks).map(|b| (1, at(b))));
        }
        v
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let n = self.nblocks as usize;
        let own = |s: &[&Chunk]| s.iter().map(|c| (*c).clone()).collect::<Vec<_>>();
        let vals = chunk::concatenate(&own(&inputs[..n]), self.axis as isize)?;
        if !self.positions {
            return chunk::topk::topk(&vals, self.k, self.axis as isize);
        }
        let pos = chunk::concatenate(&own(&inputs[n..]), self.axis as isize)?;
        Ok(chunk::topk::argtopk(&vals, Some(&pos), 0, self.k, self.axis as isize)?.1)
    }
}

fn node(prefix: &str, meta: Meta, plan: Arc<dyn BlockPlan>, inputs: Vec<Array>, k: i64) -> Array {
    let mut t = Tokenizer::new();
    t.str(prefix).u64(k as u64);
    for i in &inputs {
        t.str(i.name());
    }
    Array::from_op(prefix, &t, meta, Op::Plan { plan, inputs })
}

/// `da.topk(a, k, axis)` (`positions: false`) or `da.argtopk` (`true`, int64).
/// The axis' length in the result is `min(|k|, len)`.
pub fn topk(a: &Array, k: i64, axis: isize, positions: bool) -> Result<Array, ArrayError> {
    let m = a.meta();
    let nd = m.ndim() as isize;
    if axis < -nd || axis >= nd {
        return Err(ArrayError::Index(format!(
            "Axis {axis} is out of bounds for array of dimension {nd}"
        )));
    }
    let ax = if axis < 0 { axis + nd } else { axis } as usize;
    super::mask::require_known(a, if positions { "argtopk" } else { "topk" })?;
    let mut starts = Vec::with_capacity(m.chunks[ax].len());
    let mut s = 0;
    for &c in &m.chunks[ax] {
        starts.push(s);
        s += c;
    }
    let part_meta = |d: DType| {
        let mut chunks = m.chunks.clone();
        chunks[ax] = m.chunks[ax].iter().map(|&c| topk_len(k, c)).collect();
        let mut shape = m.shape.clone();
        shape[ax] = chunks[ax].iter().sum();
        Meta::new(shape, chunks, d)
    };
    let part = |pos: bool, d: DType| {
        node(
            if pos { "argtopk-chunk" } else { "topk-chunk" },
            part_meta(d),
            Arc::new(Part {
                k,
                axis: ax,
                starts: starts.clone(),
                positions: pos,
            }),
            vec![a.clone()],
            k,
        )
    };
    let mut inputs = vec![part(false, m.dtype)];
    if positions {
        inputs.push(part(true, DType::Int64));
    }
    let len = topk_len(k, m.shape[ax]);
    let mut chunks = m.chunks.clone();
    chunks[ax] = vec![len];
    let mut shape = m.shape.clone();
    shape[ax] = len;
    let dtype = if positions { DType::Int64 } else { m.dtype };
    Ok(node(
        if positions { "argtopk" } else { "topk" },
        Meta::new(shape, chunks, dtype),
        Arc::new(Merge {
            k,
            axis: ax,
            nblocks: m.chunks[ax].len() as u32,
            positions,
        }),
        inputs,
        k,
    ))
}
