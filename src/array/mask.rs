//! Boolean masking and the unknown block sizes it creates. `x[mask]` keeps one
//! block per input block, each of a size known only once computed (Dask's
//! NaN chunks); `compute_chunk_sizes` learns them. `ravel` flattens in C order
//! by first giving every block whole rows, so masking n-d arrays keeps
//! NumPy's element order.

use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::{Meta, UNKNOWN};
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{self, Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// The hint every refusal on unknown sizes carries.
pub fn unknown_message(what: &str) -> ArrayError {
    ArrayError::UnknownChunks(format!(
        "{what}: the array's chunk sizes are unknown (after boolean indexing). \
         Call x.compute_chunk_sizes() first to compute them (one pass over the data), \
         or compute the array."
    ))
}

/// Refuse `what` if `a` has unknown sizes.
pub fn require_known(a: &Array, what: &str) -> Result<(), ArrayError> {
    if a.meta().has_unknown() {
        Err(unknown_message(what))
    } else {
        Ok(())
    }
}

/// Block `i` of the raveled array is row-block `i` of the input.
struct Flatten {
    in_ndim: usize,
}

impl BlockPlan for Flatten {
    fn name(&self) -> &str {
        "ravel"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut at = vec![0; self.in_ndim];
        at[0] = idx[0];
        vec![(0, at)]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::reshape(inputs[0], &[-1])
    }
}

/// Whole rows per block: every axis after the first in one block, with about
/// as many elements per block as before.
fn row_blocks(a: &Array) -> Result<Array, ArrayError> {
    let m = a.meta();
    if m.chunks[1..].iter().all(|c| c.len() == 1) {
        return Ok(a.clone());
    }
    let per_block = m.chunksize().iter().product::<usize>().max(1);
    let row: usize = m.shape[1..].iter().product::<usize>().max(1);
    let rows = (per_block / row).max(1);
    let mut chunks = vec![super::chunks::blocks_of(m.shape[0], rows)];
    chunks.extend(m.shape[1..].iter().map(|&n| vec![n]));
    rechunk(a, chunks)
}

/// `x.ravel()`: the elements as a 1-D array in C order.
pub fn ravel(a: &Array) -> Result<Array, ArrayError> {
    let m = a.meta();
    if m.ndim() == 1 {
        return Ok(a.clone());
    }
    require_known(a, "ravel")?;
    if m.ndim() == 0 {
        return super::slicing::getitem(a, &[super::slicing::IndexItem::NewAxis]);
    }
    let r = row_blocks(a)?;
    let row: usize = m.shape[1..].iter().product();
    let chunks = vec![r.meta().chunks[0].iter().map(|&n| n * row).collect()];
    let meta = Meta::new(vec![m.size()], chunks, m.dtype);
    let mut t = Tokenizer::new();
    t.str(r.name());
    Ok(Array::from_op(
        "ravel",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(Flatten { in_ndim: m.ndim() }),
            inputs: vec![r],
        },
    ))
}

struct Select;

impl BlockPlan for Select {
    fn name(&self) -> &str {
        "getitem"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec()), (1, idx.to_vec())]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::mask_select(inputs[0], inputs[1])
    }
}

/// `x[mask]` for a boolean mask of `x`'s shape: a 1-D array of unknown length
/// with one block per block of `x`.
pub fn mask(x: &Array, m: &Array) -> Result<Array, ArrayError> {
    let (xm, mm) = (x.meta(), m.meta());
    if mm.dtype != DType::Bool {
        return Err(ArrayError::Index(
            "arrays used as indices must be of integer (or boolean) type".into(),
        ));
    }
    if xm.ndim() != mm.ndim() {
        return Err(ArrayError::Index(format!(
            "boolean masks must have the array's number of dimensions ({}); got {}",
            xm.ndim(),
            mm.ndim()
        )));
    }
    let (x, m) = if xm.has_unknown() || mm.has_unknown() {
        if xm.chunks != mm.chunks {
            return Err(unknown_message(
                "boolean indexing with a mask of other chunks",
            ));
        }
        (x.clone(), m.clone())
    } else {
        for (ax, (&a, &b)) in xm.shape.iter().zip(&mm.shape).enumerate() {
            if a != b {
                return Err(ArrayError::Index(format!(
                    "boolean index did not match indexed array along axis {ax}; size of axis is {a} but size of corresponding boolean axis is {b}"
                )));
            }
        }
        let x = ravel(x)?;
        let mut m = ravel(m)?;
        if m.meta().chunks != x.meta().chunks {
            m = rechunk(&m, x.meta().chunks.clone())?;
        }
        (x, m)
    };
    let n = x.meta().nblocks();
    let meta = Meta::new(vec![UNKNOWN], vec![vec![UNKNOWN; n]], x.meta().dtype);
    let mut t = Tokenizer::new();
    t.str(x.name()).str(m.name());
    Ok(Array::from_op(
        "getitem",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(Select),
            inputs: vec![x, m],
        },
    ))
}

/// Block `idx` of `x[..., mask, ...]` reads `x`'s block `idx` and the
/// mask's block along `axis`.
struct SelectAxis {
    axis: usize,
}

impl BlockPlan for SelectAxis {
    fn name(&self) -> &str {
        "getitem"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec()), (1, vec![idx[self.axis]])]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::mask_axis(inputs[0], inputs[1], self.axis)
    }
}

/// `x[mask]` / `x[:, mask]` for a 1-D boolean mask along `axis` of an n-d
/// `x`: that axis becomes of unknown length (one block per block of `x`),
/// the others keep their chunks, as in Dask.
pub fn mask_axis(x: &Array, m: &Array, axis: usize) -> Result<Array, ArrayError> {
    let (xm, mm) = (x.meta(), m.meta());
    if mm.dtype != DType::Bool || mm.ndim() != 1 {
        return Err(ArrayError::Index(
            "a mask along one axis must be a 1-D boolean array".into(),
        ));
    }
    if axis >= xm.ndim() {
        return Err(ArrayError::Index(format!(
            "too many indices for array: array is {}-dimensional, but {} were indexed",
            xm.ndim(),
            axis + 1
        )));
    }
    let m = if xm.chunks[axis].contains(&UNKNOWN) || mm.has_unknown() {
        if xm.chunks[axis] != mm.chunks[0] {
            return Err(unknown_message(
                "boolean indexing with a mask of other chunks",
            ));
        }
        m.clone()
    } else if xm.shape[axis] != mm.shape[0] {
        return Err(ArrayError::Index(format!(
            "boolean index did not match indexed array along axis {axis}; size of axis is {} but size of corresponding boolean axis is {}",
            xm.shape[axis], mm.shape[0]
        )));
    } else if mm.chunks[0] != xm.chunks[axis] {
        rechunk(m, vec![xm.chunks[axis].clone()])?
    } else {
        m.clone()
    };
    let mut chunks = xm.chunks.clone();
    chunks[axis] = vec![UNKNOWN; chunks[axis].len()];
    let mut shape = xm.shape.clone();
    shape[axis] = UNKNOWN;
    let meta = Meta::new(shape, chunks, xm.dtype);
    let mut t = Tokenizer::new();
    t.str(x.name()).str(m.name()).u64(axis as u64);
    Ok(Array::from_op(
        "getitem",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(SelectAxis { axis }),
            inputs: vec![x.clone(), m],
        },
    ))
}

struct Shapes {
    ndim: usize,
}

impl BlockPlan for Shapes {
    fn name(&self) -> &str {
        "chunk-sizes"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let s: Vec<i64> = inputs[0].shape().iter().map(|&n| n as i64).collect();
        let mut shape = vec![1; self.ndim];
        shape[0] = self.ndim;
        Chunk::from_vec(s, &shape)
    }
}

/// An array whose blocks are the shapes of `a`'s blocks: compute it, then
/// give the result to [`with_sizes`]. Its first axis holds `ndim` entries per
/// block of `a`'s first axis; other axes keep `a`'s block grid with length 1.
pub fn block_sizes(a: &Array) -> Array {
    let m = a.meta();
    let nd = m.ndim().max(1);
    let mut chunks: Vec<Vec<usize>> = m.chunks.iter().map(|c| vec![1; c.len()]).collect();
    if chunks.is_empty() {
        chunks.push(vec![1]);
    }
    chunks[0] = vec![nd; chunks[0].len()];
    let shape: Vec<usize> = chunks.iter().map(|c| c.iter().sum()).collect();
    let meta = Meta::new(shape, chunks, DType::Int64);
    let mut t = Tokenizer::new();
    t.str(a.name());
    Array::from_op(
        "chunk-sizes",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(Shapes { ndim: nd }),
            inputs: vec![a.clone()],
        },
    )
}

/// `a` with the block sizes read from [`block_sizes`]'s computed result
/// (same work, known sizes): `compute_chunk_sizes()`.
pub fn with_sizes(a: &Array, sizes: &Chunk) -> Result<Array, ArrayError> {
    let m = a.meta();
    let nd = m.ndim();
    let v = sizes.to_f64_vec();
    let nb = m.numblocks();
    let strides: Vec<usize> = (0..nd).map(|ax| nb[ax + 1..].iter().product()).collect();
    // Entry for block `b` (C order), axis `ax`: the sizes array is the block
    // grid with the first axis widened by `nd`, flattened in C order.
    let at = |b: usize, ax: usize| -> usize {
        let first = b / strides[0];
        let rest = b % strides[0];
        v[(first * nd + ax) * strides[0] + rest] as usize
    };
    let chunks: Vec<Vec<usize>> = (0..nd)
        .map(|ax| (0..nb[ax]).map(|i| at(i * strides[ax], ax)).collect())
        .collect();
    let shape = chunks.iter().map(|c| c.iter().sum()).collect();
    let meta = Meta::new(shape, chunks, m.dtype);
    let mut t = Tokenizer::new();
    t.str(a.name());
    Ok(Array::from_op(
        crate::graph::key_prefix(a.name()),
        &t,
        meta,
        a.op().clone(),
    ))
}
