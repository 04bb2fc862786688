//! Streaming reductions: a block's partial result computed tile by tile, a
//! cache-sized slab at a time, so the block itself is never materialised
//! (the fused expressions of `fused.rs` produce the tiles). Memory per task
//! drops from a whole block to one tile, and the data never leaves the CPU
//! caches.

use super::node::Array;
use crate::chunk::{self, Chunk, ChunkError, Partial, ReduceOp};
use crate::sched::{CancelToken, TaskError};
use std::collections::HashMap;
use std::sync::Arc;

/// Elements per tile: 32K (256 KiB of float64) stays in a core's L2 cache.
pub const TILE_ELEMS: usize = 32 * 1024;

/// How many nodes consume each node (outputs count once more).
pub fn use_counts(outputs: &[Array], all: &[Array]) -> HashMap<Arc<str>, usize> {
    let mut uses: HashMap<Arc<str>, usize> = HashMap::new();
    for a in all {
        for i in a.inputs() {
            *uses.entry(i.name().clone()).or_default() += 1;
        }
    }
    for o in outputs {
        *uses.entry(o.name().clone()).or_default() += 1;
    }
    uses
}

/// The partial reduction of the block at `offset` (of `shape`, in an array of
/// shape `global`) computed tile by tile: the block is cut into slabs along its
/// outermost axis (and a slab that is still too big along the next axes), each
/// holding about `tile_elems` elements, which `tile(offset, shape)` produces.
/// Slab partials along a reduced axis are combined; along a kept axis they are
/// stitched side by side. So tiles stay small whatever the reduced axes are
/// (a sum over a short last axis no longer makes element-thin tiles), and the
/// interrupt flag is polled between them.
pub fn tiled_partial(
    offset: &[usize],
    shape: &[usize],
    global: &[usize],
    op: ReduceOp,
    axes: &[usize],
    tile_elems: usize,
    tile: impl Fn(&[usize], &[usize]) -> Result<Chunk, ChunkError>,
) -> Result<Partial, TaskError> {
    let cut = Cut {
        global,
        op,
        axes,
        tile_elems: tile_elems.max(1),
        tile: &tile,
    };
    cut.partial(offset, shape, 0)
}

/// The fixed parts of one [`tiled_partial`] call.
struct Cut<'a, F> {
    global: &'a [usize],
    op: ReduceOp,
    axes: &'a [usize],
    tile_elems: usize,
    tile: &'a F,
}

impl<F: Fn(&[usize], &[usize]) -> Result<Chunk, ChunkError>> Cut<'_, F> {
    /// The partial of the region `offset`/`shape`, cut from axis `from` on.
    fn partial(
        &self,
        offset: &[usize],
        shape: &[usize],
        from: usize,
    ) -> Result<Partial, TaskError> {
        let total: usize = shape.iter().product();
        let ax = (from..shape.len()).find(|&a| shape[a] > 1);
        let Some(ax) = ax.filter(|_| total > self.tile_elems) else {
            let c = (self.tile)(offset, shape)?;
            return Ok(chunk::partial_at(
                &c,
                self.op,
                self.axes,
                Some((offset, self.global)),
            )?);
        };
        let per_row: usize = shape[ax + 1..].iter().product::<usize>().max(1);
        let rows = (self.tile_elems / per_row).max(1);
        let mut parts = Vec::with_capacity(shape[ax].div_ceil(rows));
        let mut r0 = 0;
        while r0 < shape[ax] {
            let (mut toff, mut tshape) = (offset.to_vec(), shape.to_vec());
            toff[ax] += r0;
            tshape[ax] = rows.min(shape[ax] - r0);
            // One row still too big: cut it along the following axes.
            parts.push(self.partial(&toff, &tshape, ax + 1)?);
            r0 += tshape[ax];
            if CancelToken::current_cancelled() {
                return Err("interrupted".into());
            }
        }
        if parts.len() == 1 {
            return Ok(parts.pop().expect("one part"));
        }
        Ok(if self.axes.contains(&ax) {
            chunk::combine(parts)?
        } else {
            chunk::stitch(parts, ax)?
        })
    }
}
