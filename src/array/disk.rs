//! Arrays on disk (zarr, HDF5) as lazy sources (`da.from_zarr`,
//! `da.from_array(dset)`) and lazy arrays written into them block by block
//! (`da.to_zarr`, `da.to_hdf5`, `da.store`): each task reads or writes one
//! block, so neither direction ever holds the whole array.

use super::chunks::{normalize, AxisSpec, ChunkSpec};
use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op, Source};
use crate::chunk::{Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use crate::store::DiskArray;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

struct DiskSource(Arc<dyn DiskArray>);

fn store_error(e: crate::store::StoreError) -> ChunkError {
    ChunkError::Value(e.to_string())
}

impl Source for DiskSource {
    fn name(&self) -> &str {
        "from-disk"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        self.0
            .read(&meta.block_offset(idx), &meta.block_shape(idx))
            .map_err(store_error)
    }
    // No `region`: a read decodes whole storage chunks, so streaming a block
    // tile by tile would decode each chunk once per tile. A small slice is
    // read on its own, though: the store stops decoding once it has the
    // selection (zarr) or reads just that hyperslab (HDF5).
    fn part(
        &self,
        _meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(self.0.read(offset, shape).map_err(store_error))
    }
}

/// A lazy array over an array on disk, named `prefix-token` (`from-zarr`).
/// `chunks` defaults to the storage chunks (or 'auto' for unchunked data).
/// The token is the location and the handle, so two reads through one
/// handle share work.
pub fn from_disk(
    z: Arc<dyn DiskArray>,
    chunks: Option<&ChunkSpec>,
    prefix: &str,
) -> Result<Array, ArrayError> {
    let spec = match (chunks, z.storage_chunks()) {
        (Some(spec), _) => spec.clone(),
        (None, Some(c)) => ChunkSpec::PerAxis(c.into_iter().map(AxisSpec::Size).collect()),
        (None, None) => ChunkSpec::Auto,
    };
    let grid = normalize(&spec, z.shape(), z.dtype().itemsize())?;
    let meta = Meta::new(z.shape().to_vec(), grid, z.dtype());
    let mut t = Tokenizer::new();
    t.str(&z.location())
        .u64(Arc::as_ptr(&z) as *const u8 as usize as u64);
    Ok(Array::from_op(
        prefix,
        &t,
        meta,
        Op::Source(Arc::new(DiskSource(z))),
    ))
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

/// How far one store got: blocks written (each whole) out of the total, so an
/// interrupted write can tell the user what is on disk.
#[derive(Debug, Default)]
pub struct StoreProgress {
    written: AtomicUsize,
    total: usize,
}

impl StoreProgress {
    /// Blocks fully written so far.
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Blocks the store writes in all.
    pub fn total(&self) -> usize {
        self.total
    }
}

/// Writes each block of the input into an array on disk at the block's offset.
struct StorePlan {
    input: Meta,
    target: Arc<dyn DiskArray>,
    progress: Arc<StoreProgress>,
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
        self.progress.written.fetch_add(1, Ordering::Relaxed);
        let ones = vec![1; idx.len()];
        Chunk::from_vec(vec![block.nbytes() as i64], &ones)
    }
}

/// A lazy array whose blocks, when computed, write `x`'s blocks into `target`
/// (same shape); each of its elements is the number of bytes one block wrote.
/// Computing it stores `x` with one task per block and never assembles `x`.
pub fn store(x: &Array, target: Arc<dyn DiskArray>) -> Result<Array, ArrayError> {
    store_tracked(x, target).map(|(a, _)| a)
}

/// [`store`], also returning the counter of blocks written.
pub fn store_tracked(
    x: &Array,
    target: Arc<dyn DiskArray>,
) -> Result<(Array, Arc<StoreProgress>), ArrayError> {
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
        .str(&target.location())
        .u64(Arc::as_ptr(&target) as *const u8 as usize as u64);
    let progress = Arc::new(StoreProgress {
        written: AtomicUsize::new(0),
        total: nb.iter().product(),
    });
    let plan = StorePlan {
        input: x.meta().clone(),
        target,
        progress: progress.clone(),
    };
    let stored = Array::from_op(
        "store",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![x.clone()],
        },
    );
    Ok((stored, progress))
}
