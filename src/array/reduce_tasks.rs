//! The operations of a reduction's tasks. Everything a first-stage task needs
//! except its block index is shared by the whole layer ([`PartialLayer`]), so
//! a task is one small allocation: with 10⁵ one-element blocks, per-task
//! closures capturing offsets, shapes and leaf tables cost more than the
//! arithmetic.

use super::fused::{Fused, LeafBlocks};
use super::lower::as_chunk;
use super::node::Array;
use super::stream;
use crate::chunk::{self, blocks, Partial, ReduceOp};
use crate::graph::key::BlockIndex;
use crate::sched::{datum, Datum, TaskError, TaskFn};
use std::sync::Arc;

/// Blocks above this many elements (8 MiB of float64) are reduced in slabs
/// with interrupt checks between them; smaller ones in one call.
pub(super) const BIG_BLOCK_ELEMS: usize = 1 << 20;

/// Elements a big-block task copies or reduces between two interrupt checks
/// (well under a millisecond; a few ms in a debug build).
pub(super) const SLAB_ELEMS: usize = 1 << 17;

/// Start of every block along each axis (prefix sums of the chunk sizes).
pub(super) fn block_starts(chunks: &[Vec<usize>]) -> Vec<Vec<usize>> {
    chunks
        .iter()
        .map(|c| {
            c.iter()
                .scan(0usize, |acc, &n| {
                    let start = *acc;
                    *acc = acc.saturating_add(n);
                    Some(start)
                })
                .collect()
        })
        .collect()
}

/// Block starts per axis of each leaf of a fused expression.
type LeafStarts = Vec<Vec<Vec<usize>>>;

/// What every first-stage task of one reduction shares.
pub(super) struct PartialLayer {
    /// The reduction.
    pub op: ReduceOp,
    /// Reduced axes of the input.
    pub axes: Vec<usize>,
    /// The input's shape.
    pub global: Vec<usize>,
    /// The input's chunk sizes per axis.
    pub chunks: Vec<Vec<usize>>,
    /// Start of each input block per axis.
    starts: Vec<Vec<usize>>,
    /// The expression evaluated tile by tile inside the task, if fused, with
    /// the block starts of each of its leaves.
    fused: Option<(Arc<Fused>, LeafStarts)>,
}

impl PartialLayer {
    /// The layer reducing `input` (over `fused`'s expression when given).
    pub fn new(input: &Array, op: ReduceOp, axes: &[usize], fused: Option<&Arc<Fused>>) -> Self {
        let m = input.meta();
        Self {
            op,
            axes: axes.to_vec(),
            global: m.shape.clone(),
            chunks: m.chunks.clone(),
            starts: block_starts(&m.chunks),
            fused: fused.map(|f| {
                let leaf_starts = f
                    .leaves
                    .iter()
                    .map(|l| block_starts(&l.meta().chunks))
                    .collect();
                (f.clone(), leaf_starts)
            }),
        }
    }

    /// Global offset of input block `idx`.
    fn offset(&self, idx: &[u32]) -> Vec<usize> {
        idx.iter()
            .enumerate()
            .map(|(ax, &i)| self.starts[ax][i as usize])
            .collect()
    }

    /// Shape of input block `idx`.
    fn shape(&self, idx: &[u32]) -> Vec<usize> {
        idx.iter()
            .enumerate()
            .map(|(ax, &i)| self.chunks[ax][i as usize])
            .collect()
    }
}

/// The first-stage task of input block `idx`: its partial reduction, from
/// the block itself or (fused) from the leaf blocks feeding it.
pub(super) struct PartialTask {
    /// The shared layer.
    pub layer: Arc<PartialLayer>,
    /// The input block.
    pub idx: BlockIndex,
}

impl TaskFn for PartialTask {
    fn run(&self, ins: &[Datum]) -> Result<Datum, TaskError> {
        let l = &*self.layer;
        let offset = l.offset(&self.idx);
        if let Some((f, leaf_starts)) = &l.fused {
            let blocks = ins.iter().map(as_chunk).collect::<Result<Vec<_>, _>>()?;
            let offsets = (0..f.leaves.len())
                .map(|k| {
                    f.leaf_block(k, &self.idx)
                        .iter()
                        .enumerate()
                        .map(|(ax, &i)| leaf_starts[k][ax][i as usize])
                        .collect()
                })
                .collect();
            let leaves = LeafBlocks { blocks, offsets };
            let shape = l.shape(&self.idx);
            return Ok(datum(f.partial(&offset, &shape, l.op, &l.axes, &leaves)?));
        }
        let c = as_chunk(&ins[0])?;
        if c.size() <= BIG_BLOCK_ELEMS {
            return Ok(datum(chunk::partial_at(
                c,
                l.op,
                &l.axes,
                Some((&offset, &l.global)),
            )?));
        }
        // A huge block (a rechunk to long strips, a user's big chunks):
        // reduce it in slabs so an interrupt is seen between them.
        let local = |off: &[usize], shape: &[usize]| {
            let at: Vec<usize> = off.iter().zip(&offset).map(|(o, b)| o - b).collect();
            blocks::sub(c, &at, shape)
        };
        Ok(datum(stream::tiled_partial(
            &offset,
            c.shape(),
            &l.global,
            l.op,
            &l.axes,
            SLAB_ELEMS,
            local,
        )?))
    }
}

/// Merges a group of partials. Only the first is copied (it becomes the
/// accumulator); the rest are read where they are.
pub(super) struct CombineTask;

impl TaskFn for CombineTask {
    fn run(&self, ins: &[Datum]) -> Result<Datum, TaskError> {
        let parts: Vec<&Partial> = ins.iter().map(as_partial).collect::<Result<_, _>>()?;
        Ok(datum(chunk::combine_refs(&parts)?))
    }
}

/// The partial reduction inside a datum.
pub(super) fn as_partial(d: &Datum) -> Result<&Partial, TaskError> {
    d.downcast_ref::<Partial>()
        .ok_or_else(|| "internal error: expected a partial reduction".into())
}
