//! Dask's `.npy` stacks as lazy arrays: `from_npy_stack` reads one file per
//! block (memory-mapped, so a region of a block reads only that region), and
//! `to_npy_stack` writes one file per block along the stack's axis, each task
//! writing its own file. The directory format is `store::npystack`'s.

use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op, Source};
use crate::chunk::{Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use crate::store::npystack::{self, StackInfo};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn store_error(e: crate::store::StoreError) -> ChunkError {
    ChunkError::Value(e.to_string())
}

struct StackSource {
    dir: PathBuf,
    axis: usize,
}

impl StackSource {
    /// The file holding block `i` along the axis, checked against the info.
    fn open(&self, meta: &Meta, i: usize) -> Result<crate::chunk::npy::NpyMap, ChunkError> {
        let map = npystack::open_block(&self.dir, i).map_err(store_error)?;
        let mut want = meta.shape.clone();
        want[self.axis] = meta.chunks[self.axis][i];
        if map.shape() != want.as_slice() || map.dtype() != meta.dtype {
            return Err(ChunkError::Shape(format!(
                "{} holds a {} array of shape {}, but the stack's info says {} of shape {}",
                npystack::block_path(&self.dir, i).display(),
                map.dtype().name(),
                crate::chunk::shape_str(map.shape()),
                meta.dtype.name(),
                crate::chunk::shape_str(&want)
            )));
        }
        Ok(map)
    }
}

impl Source for StackSource {
    fn name(&self) -> &str {
        "from-npy-stack"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        self.open(meta, idx[self.axis] as usize)?.read_all()
    }
    fn region(
        &self,
        meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        // Only regions inside one file; anything else goes through whole blocks.
        let (at, len) = (offset[self.axis], shape[self.axis]);
        let mut start = 0;
        for (i, &n) in meta.chunks[self.axis].iter().enumerate() {
            if len > 0 && at >= start && at + len <= start + n {
                let mut local = offset.to_vec();
                local[self.axis] -= start;
                return Some(self.open(meta, i).and_then(|m| m.region(&local, shape)));
            }
            start += n;
        }
        None
    }
}

/// `da.from_npy_stack(dirname)`: a lazy array with the stack's blocks. The
/// name's token is the directory and its `info` file's modification time.
pub fn from_npy_stack(dir: &Path, info: &StackInfo) -> Result<Array, ArrayError> {
    if info
        .chunks
        .iter()
        .enumerate()
        .any(|(ax, c)| ax != info.axis && c.len() != 1)
    {
        return Err(ArrayError::Chunks(format!(
            "{}: a .npy stack has one block along every axis but its axis {}, got chunks {:?}",
            dir.display(),
            info.axis,
            info.chunks
        )));
    }
    let shape: Vec<usize> = info.chunks.iter().map(|c| c.iter().sum()).collect();
    let meta = Meta::new(shape, info.chunks.clone(), info.dtype);
    let t = super::creation::file_token(&dir.join("info"));
    Ok(Array::from_op(
        "from-npy-stack",
        &t,
        meta,
        Op::Source(Arc::new(StackSource {
            dir: dir.to_path_buf(),
            axis: info.axis,
        })),
    ))
}

/// Writes block `i` along the axis into `dir/i.npy`.
struct StackWriter {
    dir: PathBuf,
    axis: usize,
    ndim: usize,
}

impl BlockPlan for StackWriter {
    fn name(&self) -> &str {
        "to-npy-stack"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut at = vec![0; self.ndim];
        at[self.axis] = idx[0];
        vec![(0, at)]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        npystack::write_block(&self.dir, idx[0] as usize, inputs[0]).map_err(store_error)?;
        Chunk::from_vec(vec![inputs[0].nbytes() as i64], &[1])
    }
}

/// The blocks `da.to_npy_stack(dirname, x, axis)` writes: `x` with one block
/// along every axis but `axis` (`x` must have known chunks).
pub fn stack_info(x: &Array, axis: isize) -> Result<StackInfo, ArrayError> {
    let m = x.meta();
    let ndim = m.ndim() as isize;
    if axis < -ndim || axis >= ndim {
        return Err(ArrayError::Shape(format!(
            "axis {axis} is out of bounds for array of dimension {ndim}"
        )));
    }
    if m.has_unknown() {
        return Err(super::mask::unknown_message("to_npy_stack"));
    }
    let axis = if axis < 0 { axis + ndim } else { axis } as usize;
    let chunks = m
        .chunks
        .iter()
        .enumerate()
        .map(|(ax, c)| {
            if ax == axis {
                c.clone()
            } else {
                vec![m.shape[ax]]
            }
        })
        .collect();
    Ok(StackInfo {
        chunks,
        dtype: m.dtype,
        axis,
    })
}

/// A lazy array of one element per file (bytes written) whose computation
/// writes `x`'s blocks as laid out by `info` into `dir` (which must exist).
pub fn to_npy_stack(dir: &Path, x: &Array, info: &StackInfo) -> Result<Array, ArrayError> {
    let xx = if x.meta().chunks == info.chunks {
        x.clone()
    } else {
        rechunk(x, info.chunks.clone())?
    };
    let n = info.chunks[info.axis].len();
    let mut t = Tokenizer::new();
    t.str(xx.name()).str(&dir.display().to_string());
    Ok(Array::from_op(
        "to-npy-stack",
        &t,
        Meta::new(vec![n], vec![vec![1; n]], DType::Int64),
        Op::Plan {
            plan: Arc::new(StackWriter {
                dir: dir.to_path_buf(),
                axis: info.axis,
                ndim: info.chunks.len(),
            }),
            inputs: vec![xx],
        },
    ))
}

#[cfg(test)]
#[path = "npystack_tests.rs"]
mod tests;
