//! Zarr arrays as lazy sources (`da.from_zarr`) and lazy arrays written into
//! zarr arrays block by block (`da.to_zarr`, `da.store`): each task reads or
//! writes one block, so neither direction ever holds the whole array.

use super::chunks::{normalize, ChunkSpec};
use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op, Source};
use crate::chunk::{Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use crate::store::ZarrArray;
use std::sync::Arc;

struct ZarrSource(Arc<ZarrArray>);

fn store_error(e: crate::store::StoreError) -> ChunkError {
    ChunkError::Value(e.to_string())
}

impl Source for ZarrSource {
    fn name(&self) -> &str {
        "from-zarr"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        self.0
            .read(&meta.block_offset(idx), &meta.block_shape(idx))
            .map_err(store_error)
    }
    // No `region`: a zarr read decodes whole chunks, so streaming a block
    // tile by tile would decode each chunk once per tile.
}

/// A lazy array over a zarr array; `chunks` defaults to the zarr chunks.
/// The name's token is the location and the handle, so two reads through
/// one handle share work.
pub fn from_zarr(z: Arc<ZarrArray>, chunks: Option<&ChunkSpec>) -> Result<Array, ArrayError> {
    let grid = match chunks {
        Some(spec) => normalize(spec, z.shape(), z.dtype().itemsize())?,
        None => z
            .shape()
            .iter()
            .zip(z.chunks())
            .map(|(&n, &c)| regular(n, c))
            .collect(),
    };
    let meta = Meta::new(z.shape().to_vec(), grid, z.dtype());
    let mut t = Tokenizer::new();
    t.str(z.location()).u64(Arc::as_ptr(&z) as usize as u64);
    Ok(Array::from_op(
        "from-zarr",
        &t,
        meta,
        Op::Source(Arc::new(ZarrSource(z))),
    ))
}

/// `n` split into pieces of `c` (the last one shorter).
fn regular(n: usize, c: usize) -> Vec<usize> {
    if n == 0 {
        return vec![0];
    }
    let c = c.max(1);
    let mut v = vec![c; n / c];
    if !n.is_multiple_of(c) {
        v.push(n % c);
    }
    v
}

/// The one chunk shape of `meta` if its chunks are regular (all equal but the
/// last, which may be shorter), as zarr needs; Dask's error otherwise.
pub fn regular_chunks(meta: &Meta) -> Result<Vec<usize>, ArrayError> {
    if meta.has_unknown() {
        return Err(ArrayError::UnknownChunks(
            "Cannot store an array with unknown chunk sizes (NaN). \
             Call x.compute_chunk_sizes() first, or compute x and store the result."
                .into(),
        ));
    }
    meta.chunks
        .iter()
        .map(|c| {
            let first = c.first().copied().unwrap_or(0);
            let ok = c.len() <= 1
                || (c[..c.len() - 1].iter().all(|&n| n == first) && c[c.len() - 1] <= first);
            if ok {
                Ok(first.max(1))
            } else {
                Err(ArrayError::Value(
                    "Attempt to save array to zarr with irregular chunking, please call \
                     arr.rechunk(...) first."
                        .into(),
                ))
            }
        })
        .collect()
}

/// Writes each block of the input into a zarr array at the block's offset.
struct StorePlan {
    input: Meta,
    target: Arc<ZarrArray>,
}

impl BlockPlan for StorePlan {
    fn name(&self) -> &str {
        "store"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let block = inputs[0];
        self.target
            .write(&self.input.block_offset(idx), block)
            .map_err(store_error)?;
        let ones = vec![1; idx.len()];
        Chunk::from_vec(vec![block.nbytes() as i64], &ones)
    }
}

/// A lazy array whose blocks, when computed, write `x`'s blocks into `target`
/// (same shape); each of its elements is the number of bytes one block wrote.
/// Computing it stores `x` with one task per block and never assembles `x`.
pub fn store(x: &Array, target: Arc<ZarrArray>) -> Result<Array, ArrayError> {
    if x.meta().shape != target.shape() {
        return Err(ArrayError::Shape(format!(
            "cannot store an array of shape {} into a target of shape {}",
            crate::chunk::shape_str(&x.meta().shape),
            crate::chunk::shape_str(target.shape())
        )));
    }
    if x.meta().has_unknown() {
        regular_chunks(x.meta())?;
    }
    if target.read_only() {
        return Err(ArrayError::Value(
            "the target was opened read-only (mode='r'); open it with mode='r+' or 'a' to write"
                .into(),
        ));
    }
    let nb = x.meta().numblocks();
    let meta = Meta::new(
        nb.clone(),
        nb.iter().map(|&n| vec![1; n]).collect(),
        DType::Int64,
    );
    let mut t = Tokenizer::new();
    t.str(x.name())
        .str(target.location())
        .u64(Arc::as_ptr(&target) as usize as u64);
    let plan = StorePlan {
        input: x.meta().clone(),
        target,
    };
    Ok(Array::from_op(
        "store",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![x.clone()],
        },
    ))
}
