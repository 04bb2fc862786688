//! Joining chunks: `concatenate` along an axis and `assemble` of a block grid.

use super::error::{ChunkError, Result};
use super::index::mismatch;
use super::kernel::{check_alloc, norm_axis};
use super::{Chunk, DType, Elem};
use ndarray::{ArrayD, Axis, IxDyn, SliceInfoElem};

fn common_dtype(chunks: &[Chunk]) -> DType {
    chunks
        .iter()
        .map(Chunk::dtype)
        .reduce(DType::promote)
        .unwrap_or(DType::Float64)
}

/// `np.concatenate(chunks, axis)` with dtype promotion.
pub fn concatenate(chunks: &[Chunk], axis: isize) -> Result<Chunk> {
    let first = chunks
        .first()
        .ok_or_else(|| ChunkError::Value("need at least one array to concatenate".into()))?;
    if first.ndim() == 0 {
        return Err(ChunkError::Value(
            "zero-dimensional arrays cannot be concatenated".into(),
        ));
    }
    let nd = first.ndim();
    let ax = norm_axis(axis, nd)?;
    for (i, c) in chunks.iter().enumerate().skip(1) {
        if c.ndim() != nd {
            return Err(ChunkError::Value(format!(
                "all the input arrays must have same number of dimensions, but the array at index 0 has {} dimension(s) and the array at index {i} has {} dimension(s)",
                nd,
                c.ndim()
            )));
        }
        for d in 0..nd {
            if d != ax && c.shape()[d] != first.shape()[d] {
                return Err(ChunkError::Value(format!(
                    "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {} and the array at index {i} has size {}",
                    first.shape()[d],
                    c.shape()[d]
                )));
            }
        }
    }
    let dt = common_dtype(chunks);
    let mut out_shape = first.shape().to_vec();
    out_shape[ax] = chunks.iter().map(|c| c.shape()[ax]).sum();
    check_alloc(&out_shape, dt)?;
    let cast: Vec<Chunk> = chunks
        .iter()
        .map(|c| c.to_dtype(dt))
        .collect::<Result<_>>()?;
    with_dtype!(dt, T => {
        let views: Vec<_> = cast.iter().map(|c| T::array(c).expect("cast").view()).collect();
        let a = ndarray::concatenate(Axis(ax), &views).map_err(|e| ChunkError::Shape(e.to_string()))?;
        Ok(T::into_chunk(a))
    })
}

/// Stitch a grid of blocks (C order over `grid`, e.g. 2×3 blocks) into one
/// array. Blocks in one grid row/column must agree on their sizes.
pub fn assemble(blocks: &[Chunk], grid: &[usize]) -> Result<Chunk> {
    let nblocks: usize = grid.iter().product();
    if blocks.len() != nblocks || nblocks == 0 {
        return Err(ChunkError::Shape(format!(
            "assemble: {} blocks for a grid of {nblocks}",
            blocks.len()
        )));
    }
    let nd = grid.len();
    let strides: Vec<usize> = (0..nd).map(|i| grid[i + 1..].iter().product()).collect();
    // block sizes along each axis, read from the blocks on that axis' "spine"
    let mut sizes: Vec<Vec<usize>> = Vec::with_capacity(nd);
    for ax in 0..nd {
        let s: Vec<usize> = (0..grid[ax])
            .map(|k| {
                blocks[k * strides[ax]]
                    .shape()
                    .get(ax)
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        sizes.push(s);
    }
    let mut starts: Vec<Vec<usize>> = Vec::with_capacity(nd);
    for s in &sizes {
        let mut acc = 0;
        starts.push(
            s.iter()
                .map(|&d| {
                    let v = acc;
                    acc += d;
                    v
                })
                .collect(),
        );
    }
    let out_shape: Vec<usize> = sizes.iter().map(|s| s.iter().sum()).collect();
    let dt = common_dtype(blocks);
    check_alloc(&out_shape, dt)?;
    with_dtype!(dt, T => {
        let mut out = ArrayD::<T>::from_elem(IxDyn(&out_shape), T::default());
        for (b, blk) in blocks.iter().enumerate() {
            let idx: Vec<usize> = (0..nd).map(|i| (b / strides[i]) % grid[i]).collect();
            let want: Vec<usize> = (0..nd).map(|i| sizes[i][idx[i]]).collect();
            if blk.ndim() != nd || blk.shape() != want.as_slice() {
                return Err(mismatch("assemble: block shape differs from its grid row/column", blk.shape(), &want));
            }
            let info: Vec<SliceInfoElem> = (0..nd)
                .map(|i| SliceInfoElem::Slice {
                    start: starts[i][idx[i]] as isize,
                    end: Some((starts[i][idx[i]] + want[i]) as isize),
                    step: 1,
                })
                .collect();
            let typed = blk.to_dtype(dt)?;
            out.slice_mut(info.as_slice()).assign(T::array(&typed).expect("cast"));
        }
        Ok(T::into_chunk(out))
    })
}
