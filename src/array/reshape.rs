//! Lazy `reshape` with Dask's chunk rules. A reshape is done block by block:
//! the input is first rechunked so that, in C order, each input block holds
//! exactly the elements of one output block, then every block is reshaped on
//! its own. That is possible only where the reshape merges neighbouring axes
//! or splits one axis into neighbours, as in Dask; anything else raises
//! NotImplementedError with Dask's explanation and the two-pass recipe. The
//! chunk choices follow Dask's `reshape_rechunk` so reprs match.

use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::{Meta, UNKNOWN};
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{self, shape_str, Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// Dask's explanation of what its reshape supports.
const UNEVEN: &str =
    "Dask's reshape only supports operations that merge or split existing dimensions
evenly. For example:

>>> x = da.ones((6, 5, 4), chunks=(3, 2, 2))
>>> x.reshape((3, 2, 5, 4))  # supported, splits 6 into 3 & 2
>>> x.reshape((30, 4))       # supported, merges 6 & 5 into 30
>>> x.reshape((4, 5, 6))     # unsupported, existing dimensions split unevenly

To work around this you may call reshape in multiple passes, or (if your data
is small enough) call ``compute`` first and handle reshaping in ``numpy``
directly.";

fn uneven(from: &[usize], to: &[usize]) -> ArrayError {
    ArrayError::NotImplemented(format!(
        "{UNEVEN}\n\nHere: {} -> {} is neither. Two passes work, merging everything \
         and then splitting: x.reshape(-1).reshape({}).",
        shape_str(from),
        shape_str(to),
        to.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// Output block `k` (in C order) is input block `k`, reshaped.
struct BlockReshape {
    in_numblocks: Vec<usize>,
    out_chunks: Vec<Vec<usize>>,
}

impl BlockPlan for BlockReshape {
    fn name(&self) -> &str {
        "reshape"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut linear = 0usize;
        for (i, c) in idx.iter().zip(&self.out_chunks) {
            linear = linear * c.len() + *i as usize;
        }
        let mut at = vec![0u32; self.in_numblocks.len()];
        for (slot, &n) in at.iter_mut().zip(&self.in_numblocks).rev() {
            *slot = (linear % n) as u32;
            linear /= n;
        }
        vec![(0, at)]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let shape: Vec<isize> = idx
            .iter()
            .zip(&self.out_chunks)
            .map(|(&i, c)| c[i as usize] as isize)
            .collect();
        chunk::reshape(inputs[0], &shape)
    }
}

/// `x.reshape(shape)`: the same elements in C order under a new shape.
pub fn reshape(a: &Array, shape: &[isize]) -> Result<Array, ArrayError> {
    let m = a.meta();
    if shape.len() == 1 && shape[0] == -1 && m.ndim() == 1 {
        return Ok(a.clone());
    }
    if m.has_unknown() {
        return Err(ArrayError::UnknownChunks(format!(
            "Array chunk size or shape is unknown. shape: {}\n\n\
             Possible solution with x.compute_chunk_sizes()",
            shape_str(&m.shape).replace(&UNKNOWN.to_string(), "nan")
        )));
    }
    let out =
        chunk::resolve_shape(m.size(), shape).map_err(|e| ArrayError::Value(e.to_string()))?;
    if out == m.shape {
        return Ok(a.clone());
    }
    let one_block: Chunks = out.iter().map(|&d| vec![d]).collect();
    let (x, out_chunks) = if m.nblocks() == 1 {
        (a.clone(), one_block)
    } else if m.size() == 0 {
        // An empty array has no elements to move: any reshape of it is one
        // empty block (Dask's planner fails or mis-tiles here).
        let full = m.shape.iter().map(|&d| vec![d]).collect();
        (rechunk(a, full)?, one_block)
    } else {
        let (in_chunks, out_chunks) = plan_chunks(&m.shape, &out, &m.chunks)?;
        (rechunk(a, in_chunks)?, out_chunks)
    };
    let mut t = Tokenizer::new();
    t.str(x.name());
    for &d in &out {
        t.u64(d as u64);
    }
    let meta = Meta::new(out, out_chunks.clone(), m.dtype);
    Ok(Array::from_op(
        "reshape",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(BlockReshape {
                in_numblocks: x.meta().numblocks(),
                out_chunks,
            }),
            inputs: vec![x],
        },
    ))
}

type Chunks = Vec<Vec<usize>>;

/// The input chunks to rechunk to and the output chunks, walking both shapes
/// from the last axis as Dask's `reshape_rechunk` does.
pub fn plan_chunks(
    inshape: &[usize],
    outshape: &[usize],
    inchunks: &[Vec<usize>],
) -> Result<(Chunks, Chunks), ArrayError> {
    let mut rin: Chunks = vec![Vec::new(); inshape.len()];
    let mut rout: Chunks = vec![Vec::new(); outshape.len()];
    let (mut ii, mut oi) = (inshape.len() as isize - 1, outshape.len() as isize - 1);
    while ii >= 0 || oi >= 0 {
        // Once one side is used up, the other has only length-1 axes left.
        if ii < 0 {
            rout[oi as usize] = vec![1];
            oi -= 1;
            continue;
        }
        if oi < 0 {
            rin[ii as usize] = vec![1];
            ii -= 1;
            continue;
        }
        let (i, o) = (ii as usize, oi as usize);
        let (din, dout) = (inshape[i], outshape[o]);
        if din == dout {
            rin[i] = inchunks[i].clone();
            rout[o] = inchunks[i].clone();
            ii -= 1;
            oi -= 1;
        } else if din == 1 {
            rin[i] = vec![1];
            ii -= 1;
        } else if dout == 1 {
            rout[o] = vec![1];
            oi -= 1;
        } else if din < dout {
            let left = merge_run(inshape, i, dout).ok_or_else(|| uneven(inshape, outshape))?;
            if (0..i).all(|k| inchunks[k].len() == inshape[k]) {
                // Every outer axis is in blocks of one: blocks just move.
                rin[..=i].clone_from_slice(&inchunks[..=i]);
                let copies: usize = inchunks[left..i].iter().map(Vec::len).product();
                rout[o] = inchunks[i].repeat(copies);
            } else {
                for k in left + 1..=i {
                    rin[k] = vec![inshape[k]];
                }
                let reduction: usize = inchunks[left + 1..=i].iter().map(Vec::len).product();
                rin[left] = expand(&inchunks[left], reduction);
                let max_in = max_block(inchunks, left, i);
                smooth(left, i, max_in, &mut rin);
                rout[o] = block_products(&rin[left..=i]);
            }
            oi -= 1;
            ii = left as isize - 1;
        } else {
            let left = merge_run(outshape, o, din).ok_or_else(|| uneven(inshape, outshape))?;
            let inner: usize = outshape[left + 1..=o].iter().product();
            let contracted = contract(&inchunks[i], inner);
            for k in left + 1..=o {
                rout[k] = vec![outshape[k]];
            }
            rout[left] = contracted.iter().map(|c| c / inner).collect();
            let max_in = max_block(inchunks, i, i);
            smooth(left, o, max_in, &mut rout);
            rin[i] = block_products(&rout[left..=o]);
            oi = left as isize - 1;
            ii -= 1;
        }
    }
    Ok((rin, rout))
}

/// The first axis of the run of axes ending at `last` whose sizes multiply
/// to exactly `target`, if there is one.
fn merge_run(shape: &[usize], last: usize, target: usize) -> Option<usize> {
    let mut product = shape[last];
    let mut left = last;
    while product < target && left > 0 {
        left -= 1;
        product *= shape[left];
    }
    (product == target).then_some(left)
}

/// The largest block's element count over axes `start..=stop`.
fn max_block(chunks: &[Vec<usize>], start: usize, stop: usize) -> usize {
    chunks[start..=stop]
        .iter()
        .map(|c| c.iter().copied().max().unwrap_or(0))
        .product()
}

/// Sizes of the merged blocks: the products over every combination of one
/// block per axis, in C order.
fn block_products(chunks: &[Vec<usize>]) -> Vec<usize> {
    chunks.iter().fold(vec![1], |acc, axis| {
        acc.iter()
            .flat_map(|&p| axis.iter().map(move |&c| p * c))
            .collect()
    })
}

/// Split each chunk into about `factor` pieces (Dask's `expand_tuple`).
fn expand(chunks: &[usize], factor: usize) -> Vec<usize> {
    if factor == 1 {
        return chunks.to_vec();
    }
    let mut out = Vec::new();
    for &c in chunks {
        let part = (c as f64 / factor as f64).max(1.0);
        let step = part as usize;
        let mut left = c as f64;
        while left >= 2.0 * part {
            out.push(step);
            left -= step as f64;
        }
        if left > 0.0 {
            out.push(left as usize);
        }
    }
    out
}

/// Coarsen chunks so every one is a multiple of `factor` (Dask's
/// `contract_tuple`).
fn contract(chunks: &[usize], factor: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut carry = 0;
    for &c in chunks {
        let c = c + carry;
        carry = c % factor;
        let whole = c - carry;
        if whole > 0 {
            out.push(whole);
        }
    }
    out
}

/// `n` pieces of `total` as equal as possible, the smaller ones first.
fn even_pieces(total: usize, n: usize) -> Vec<usize> {
    let each = total.div_ceil(n);
    let mut v = vec![each; n];
    for piece in v.iter_mut().take(each * n - total) {
        *piece -= 1;
    }
    v
}

/// Keep merged blocks near the size the input had: split the first axis of
/// the run that is not all ones (Dask's `_smooth_chunks`).
fn smooth(start: usize, stop: usize, max_in: usize, chunks: &mut [Vec<usize>]) {
    let max_now = max_block(chunks, start, stop);
    if max_in == 0 || max_now == max_in {
        return;
    }
    let mut at = start;
    while at <= stop && chunks[at].iter().all(|&c| c == 1) {
        at += 1;
    }
    if at > stop {
        return;
    }
    if let [whole] = chunks[at][..] {
        let factor = max_now.div_ceil(max_in).min(whole);
        let pieces = even_pieces(whole, factor);
        let all_ones = pieces.iter().all(|&c| c == 1);
        chunks[at] = pieces;
        if all_ones && at < stop {
            smooth(start, stop, max_in, chunks);
        }
    } else {
        let widest = chunks[at].iter().copied().max().unwrap_or(1).max(1);
        let others = max_now / widest;
        let mut out = Vec::new();
        for &c in &chunks[at] {
            if c * others <= max_in {
                out.push(c);
            } else {
                out.extend(even_pieces(c, (c * others).div_ceil(max_in)));
            }
        }
        chunks[at] = out;
    }
}

#[cfg(test)]
#[path = "reshape_tests.rs"]
mod tests;
