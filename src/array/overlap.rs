//! Overlapping blocks, as Dask's `dask.array.overlap` builds them: every
//! block extended by a halo of `depth` elements taken from its neighbours
//! (and, at the array's edges, made by a boundary rule), and the inverse
//! trim. An extended block's task reads only the up-to-3^ndim neighbouring
//! blocks its halo needs; the halo windows are planned per axis
//! (`overlap_plan.rs`).

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use super::overlap_plan::{extended_len, AxisWindow};
use crate::chunk::{self, blocks, Chunk, ChunkError, Scalar};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// What fills the halo beyond the array's edge along one axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Boundary {
    /// No halo at the edge (Dask's default `'none'`).
    None,
    /// The edge elements mirrored (`'reflect'`: `x[d-1::-1]`).
    Reflect,
    /// The far side of the array wrapped around (`'periodic'`).
    Periodic,
    /// The edge element repeated (`'nearest'`).
    Nearest,
    /// A constant, cast to the array's dtype.
    Constant(Scalar),
}

impl Boundary {
    /// Dask's spelling, for messages.
    pub fn describe(&self) -> String {
        match self {
            Boundary::None => "none".into(),
            Boundary::Reflect => "reflect".into(),
            Boundary::Periodic => "periodic".into(),
            Boundary::Nearest => "nearest".into(),
            Boundary::Constant(s) => format!("{s:?}"),
        }
    }
}

/// The halo of one axis: elements taken from the block before and after.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Depth {
    /// Elements before the block (from its left neighbour).
    pub before: usize,
    /// Elements after the block (from its right neighbour).
    pub after: usize,
}

impl Depth {
    /// The same depth on both sides.
    pub fn both(d: usize) -> Depth {
        Depth {
            before: d,
            after: d,
        }
    }
    /// The larger side: every block along the axis must be at least this long.
    pub fn max(&self) -> usize {
        self.before.max(self.after)
    }
}

/// Dask's `ensure_minimum_chunksize`: merge blocks shorter than `size` into
/// their neighbours so that every block has at least `size` elements.
pub fn ensure_minimum_chunksize(size: usize, chunks: &[usize]) -> Result<Vec<usize>, ArrayError> {
    if size == 0 || (chunks.iter().all(|&c| c >= size) && !chunks.is_empty()) {
        return Ok(chunks.to_vec());
    }
    let mut out: Vec<usize> = Vec::new();
    let mut acc = 0usize;
    for &c in chunks {
        if c < size {
            // A short block joins the running one; an over-long running
            // block gives what the short one lacks.
            if acc > size + (size - c) {
                out.push(acc - (size - c));
                acc = size;
            } else {
                acc += c;
            }
        }
        if acc >= size {
            out.push(acc);
            acc = 0;
        }
        if c >= size {
            acc += c;
        }
    }
    if acc >= size {
        out.push(acc);
    } else if let Some(last) = out.last_mut() {
        *last += acc;
    } else {
        return Err(ArrayError::Value(format!(
            "The overlapping depth {size} is larger than your array {}.",
            chunks.iter().sum::<usize>()
        )));
    }
    Ok(out)
}

/// Python's repr of a chunks tuple: `((2, 2), (3,))`.
fn chunks_repr(chunks: &[Vec<usize>]) -> String {
    let inner: Vec<String> = chunks.iter().map(|c| chunk::shape_str(c)).collect();
    if inner.len() == 1 {
        format!("({},)", inner[0])
    } else {
        format!("({})", inner.join(", "))
    }
}

/// The chunks `overlap` cuts the array into before extending its blocks:
/// blocks merged until each is at least as long as the axis' depth, or, with
/// `allow_rechunk=False`, Dask's error when one is shorter.
pub fn overlap_chunks(
    x: &Array,
    depth: &[Depth],
    allow_rechunk: bool,
) -> Result<Vec<Vec<usize>>, ArrayError> {
    super::mask::require_known(x, "overlap")?;
    let m = x.meta();
    if allow_rechunk {
        return m
            .chunks
            .iter()
            .zip(depth)
            .map(|(c, d)| ensure_minimum_chunksize(d.max(), c))
            .collect();
    }
    let too_small = m
        .chunks
        .iter()
        .zip(depth)
        .any(|(c, d)| c.iter().copied().min().unwrap_or(0) < d.max());
    if too_small {
        let depths: Vec<String> = depth.iter().map(|d| d.max().to_string()).collect();
        return Err(ArrayError::Value(format!(
            "Overlap depth is larger than smallest chunksize.\n\
             Please set allow_rechunk=True to rechunk automatically.\n\
             Overlap depths required: [{}]\nInput chunks: {}\n",
            depths.join(", "),
            chunks_repr(&m.chunks)
        )));
    }
    Ok(m.chunks.clone())
}

/// The first axis whose depth is asymmetric under a boundary other than
/// `'none'` (Dask implements only the symmetric case there).
pub fn asymmetric_axis(depth: &[Depth], boundary: &[Boundary]) -> Option<usize> {
    depth
        .iter()
        .zip(boundary)
        .position(|(d, b)| d.before != d.after && *b != Boundary::None)
}

fn check_axes(x: &Array, depth: &[Depth], boundary: &[Boundary]) -> Result<(), ArrayError> {
    let nd = x.meta().ndim();
    if depth.len() != nd || boundary.len() != nd {
        return Err(ArrayError::Value(format!(
            "overlap: one depth and one boundary per axis are required ({nd} axes)"
        )));
    }
    Ok(())
}

/// Extends each block by its halo (see [`AxisWindow`]).
struct Extend {
    chunks: Vec<Vec<usize>>,
    depth: Vec<Depth>,
    boundary: Vec<Boundary>,
}

impl Extend {
    fn windows(&self, idx: &[u32]) -> Vec<AxisWindow> {
        (0..self.chunks.len())
            .map(|ax| {
                AxisWindow::new(
                    &self.chunks[ax],
                    idx[ax] as usize,
                    self.depth[ax],
                    self.boundary[ax],
                )
            })
            .collect()
    }
}

/// Every combination of one entry per axis, in C order.
fn product<T: Clone>(per_axis: &[Vec<T>]) -> Vec<Vec<T>> {
    per_axis.iter().fold(vec![Vec::new()], |acc, choices| {
        acc.iter()
            .flat_map(|prefix| {
                choices.iter().map(move |c| {
                    let mut p = prefix.clone();
                    p.push(c.clone());
                    p
                })
            })
            .collect()
    })
}

impl BlockPlan for Extend {
    fn name(&self) -> &str {
        "overlap"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let blocks: Vec<Vec<u32>> = self
            .windows(idx)
            .iter()
            .map(|w| w.pieces.iter().map(|p| p.block).collect())
            .collect();
        product(&blocks).into_iter().map(|b| (0, b)).collect()
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let windows = self.windows(idx);
        let pieces: Vec<Vec<(usize, usize)>> = windows
            .iter()
            .map(|w| w.pieces.iter().map(|p| (p.start, p.len)).collect())
            .collect();
        // The needed part of each read block, stitched into one window.
        let parts: Vec<Chunk> = product(&pieces)
            .iter()
            .zip(inputs)
            .map(|(sel, c)| {
                let offset: Vec<usize> = sel.iter().map(|s| s.0).collect();
                let shape: Vec<usize> = sel.iter().map(|s| s.1).collect();
                blocks::sub(c, &offset, &shape)
            })
            .collect::<Result<_, _>>()?;
        let grid: Vec<Vec<usize>> = pieces
            .iter()
            .map(|p| p.iter().map(|s| s.1).collect())
            .collect();
        let refs: Vec<&Chunk> = parts.iter().collect();
        let dtype = inputs[0].dtype();
        let mut cur = blocks::assemble(&refs, &grid, dtype)?;
        // Axis by axis, as Dask adds boundaries: a later axis' constant
        // covers the corners an earlier axis filled.
        let nd = windows.len();
        for (ax, w) in windows.iter().enumerate() {
            if !w.is_identity() {
                cur = chunk::take(&cur, &w.index, ax as isize)?;
            }
            if w.before_const > 0 || w.after_const > 0 {
                let mut widths = vec![(0, 0); nd];
                widths[ax] = (w.before_const, w.after_const);
                let value = match self.boundary[ax] {
                    Boundary::Constant(s) => s.astype(dtype),
                    _ => Scalar::F64(0.0).astype(dtype),
                };
                let values = vec![(value, value); nd];
                cur = chunk::arrange::pad_constant(&cur, &widths, &values)?;
            }
        }
        Ok(cur)
    }
}

/// `da.overlap.overlap(x, depth, boundary, allow_rechunk=)`: every block
/// extended by its neighbours' elements (`depth[ax]` on each side) and, at the
/// array's edges, by `boundary[ax]`'s rule.
pub fn overlap(
    x: &Array,
    depth: &[Depth],
    boundary: &[Boundary],
    allow_rechunk: bool,
) -> Result<Array, ArrayError> {
    check_axes(x, depth, boundary)?;
    if let Some(ax) = asymmetric_axis(depth, boundary) {
        return Err(ArrayError::NotImplemented(format!(
            "Asymmetric overlap is currently only implemented for boundary='none', \
             however boundary for dimension {ax} is {}",
            boundary[ax].describe()
        )));
    }
    let chunks = overlap_chunks(x, depth, allow_rechunk)?;
    let x = super::manipulation::rechunk(x, chunks.clone())?;
    let m = x.meta();
    let ext: Vec<Vec<usize>> = chunks
        .iter()
        .enumerate()
        .map(|(ax, c)| {
            (0..c.len())
                .map(|i| extended_len(c, i, depth[ax], boundary[ax]))
                .collect()
        })
        .collect();
    let shape: Vec<usize> = ext.iter().map(|c| c.iter().sum()).collect();
    let t = halo_token(&x, depth, boundary);
    let plan = Extend {
        chunks,
        depth: depth.to_vec(),
        boundary: boundary.to_vec(),
    };
    Ok(Array::from_op(
        "overlap",
        &t,
        Meta::new(shape, ext, m.dtype),
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![x.clone()],
        },
    ))
}

/// Cuts each block's halo off again.
struct Trim {
    /// Per axis: (elements cut before, elements cut after) of each block.
    cuts: Vec<Vec<(usize, usize)>>,
    out: Meta,
}

impl BlockPlan for Trim {
    fn name(&self) -> &str {
        "_trim"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let offset: Vec<usize> = idx
            .iter()
            .zip(&self.cuts)
            .map(|(&i, c)| c[i as usize].0)
            .collect();
        blocks::sub(inputs[0], &offset, &self.out.block_shape(idx))
    }
}

/// The name-token shared by the extension and the trim of one halo.
fn halo_token(x: &Array, depth: &[Depth], boundary: &[Boundary]) -> Tokenizer {
    let mut t = Tokenizer::new();
    t.str(x.name());
    for (d, b) in depth.iter().zip(boundary) {
        t.u64(d.before as u64)
            .u64(d.after as u64)
            .str(&b.describe());
    }
    t
}

/// `da.overlap.trim_internal(x, depth, boundary)`: remove the halo
/// [`overlap`] added (under `'none'`, the array's outer edges had none).
pub fn trim_internal(
    x: &Array,
    depth: &[Depth],
    boundary: &[Boundary],
) -> Result<Array, ArrayError> {
    check_axes(x, depth, boundary)?;
    super::mask::require_known(x, "trim_internal")?;
    let m = x.meta();
    let mut cuts = Vec::with_capacity(m.ndim());
    let mut chunks = Vec::with_capacity(m.ndim());
    for (ax, c) in m.chunks.iter().enumerate() {
        let (d, b) = (depth[ax], boundary[ax]);
        let n = c.len();
        let mut axis_cuts = Vec::with_capacity(n);
        let mut axis_chunks = Vec::with_capacity(n);
        for (j, &len) in c.iter().enumerate() {
            let open = b == Boundary::None;
            let front = if j == 0 && open { 0 } else { d.before };
            let back = if j + 1 == n && open { 0 } else { d.after };
            if front + back > len {
                return Err(ArrayError::Value(format!(
                    "trim: block {j} along axis {ax} has {len} elements, fewer than the \
                     {} to trim; the function's blocks must keep their halo",
                    front + back
                )));
            }
            axis_cuts.push((front, back));
            axis_chunks.push(len - front - back);
        }
        cuts.push(axis_cuts);
        chunks.push(axis_chunks);
    }
    let shape: Vec<usize> = chunks.iter().map(|c| c.iter().sum()).collect();
    let out = Meta::new(shape, chunks, m.dtype);
    let t = halo_token(x, depth, boundary);
    Ok(Array::from_op(
        "_trim",
        &t,
        out.clone(),
        Op::Plan {
            plan: Arc::new(Trim { cuts, out }),
            inputs: vec![x.clone()],
        },
    ))
}
