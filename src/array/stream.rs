//! Streaming reductions: when a reduction's input is a source followed only by
//! one-input elementwise kernels (e.g. `random(...).sum()`, `(x ** 2).mean(0)`
//! with `x = ones(...)`), each block's partial result is computed tile by tile:
//! a cache-sized slab is generated, transformed and folded into the partial,
//! and the block itself is never materialised. Memory per task drops from a
//! whole block to one tile, and the data never leaves the CPU caches.

use super::meta::Meta;
use super::node::{Array, BlockKernel, Op, Source};
use crate::chunk::{self, Chunk, ChunkError, Partial, ReduceOp};
use crate::sched::{CancelToken, TaskError};
use std::collections::HashMap;
use std::sync::Arc;

/// Elements per tile: 32K (256 KiB of float64) stays in a core's L2 cache.
const TILE_ELEMS: usize = 32 * 1024;

/// A source and the kernels applied to it, in order.
#[derive(Clone)]
pub struct Stream {
    source: Arc<dyn Source>,
    meta: Meta,
    kernels: Vec<Arc<dyn BlockKernel>>,
    /// Node names of the chain (source first), absorbed into the reduction's tasks.
    pub nodes: Vec<Arc<str>>,
}

impl Stream {
    /// Operation label: `random_sample-square` etc.
    pub fn label(&self) -> String {
        let mut parts = vec![self.source.name().to_string()];
        parts.extend(self.kernels.iter().map(|k| k.name().to_string()));
        parts.join("-")
    }
}

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

/// The streamable chain feeding `input`, if every node in it has this one use
/// and the source can produce arbitrary regions.
pub fn chain(input: &Array, uses: &HashMap<Arc<str>, usize>) -> Option<Stream> {
    let mut kernels = Vec::new();
    let mut nodes = Vec::new();
    let mut cur = input.clone();
    loop {
        if uses.get(cur.name()).copied().unwrap_or(0) != 1 {
            return None;
        }
        nodes.push(cur.name().clone());
        match cur.op() {
            Op::Source(src) => {
                let probe_shape = vec![0; cur.meta().ndim()];
                src.region(cur.meta(), &probe_shape, &probe_shape)?.ok()?;
                kernels.reverse();
                nodes.reverse();
                return Some(Stream {
                    source: src.clone(),
                    meta: cur.meta().clone(),
                    kernels,
                    nodes,
                });
            }
            Op::Map { kernel, inputs } if inputs.len() == 1 => {
                let inp = &inputs[0];
                // Same shape and blocks: no broadcasting inside the chain.
                if inp.meta().shape != cur.meta().shape || inp.meta().chunks != cur.meta().chunks {
                    return None;
                }
                kernels.push(kernel.clone());
                cur = inp.clone();
            }
            _ => return None,
        }
    }
}

/// The partial reduction of the block at `offset` (of `shape`), streamed in
/// tiles (see [`tiled_partial`]): the block itself is never materialised.
pub fn partial(
    s: &Stream,
    offset: &[usize],
    shape: &[usize],
    op: ReduceOp,
    axes: &[usize],
) -> Result<Partial, TaskError> {
    let tile = |off: &[usize], shp: &[usize]| -> Result<Chunk, ChunkError> {
        let mut c = s.source.region(&s.meta, off, shp).unwrap_or_else(|| {
            Err(ChunkError::Value(
                "internal error: source lost region support".into(),
            ))
        })?;
        for k in &s.kernels {
            c = k.run(&[&c])?;
        }
        Ok(c)
    };
    tiled_partial(offset, shape, &s.meta.shape, op, axes, TILE_ELEMS, tile)
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
