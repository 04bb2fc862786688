//! Fancy indexing on one axis, `x[[3, 0, 7]]` / `x[:, idx]`: output blocks
//! follow the input's block size along the axis; each reads only the input
//! blocks its positions fall in.

use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{self, Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

struct Take {
    axis: usize,
    /// Per output block along `axis`: runs of (input block, local positions).
    runs: Vec<Vec<(u32, Vec<i64>)>>,
}

impl BlockPlan for Take {
    fn name(&self) -> &str {
        "take"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        self.runs[idx[self.axis] as usize]
            .iter()
            .map(|(b, _)| {
                let mut at = idx.to_vec();
                at[self.axis] = *b;
                (0, at)
            })
            .collect()
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let runs = &self.runs[idx[self.axis] as usize];
        let parts: Vec<Chunk> = runs
            .iter()
            .zip(inputs)
            .map(|((_, pos), c)| chunk::take(c, pos, self.axis as isize))
            .collect::<Result<_, _>>()?;
        if parts.len() == 1 {
            return Ok(parts.into_iter().next().expect("one part"));
        }
        chunk::concatenate(&parts, self.axis as isize)
    }
}

/// `a` indexed by integer positions along `axis` (negative counts from the end).
pub fn take(a: &Array, indices: &[i64], axis: usize) -> Result<Array, ArrayError> {
    super::mask::require_known(a, "fancy indexing")?;
    let m = a.meta();
    let len = m.shape[axis];
    let chunks = &m.chunks[axis];
    let starts: Vec<usize> = chunks
        .iter()
        .scan(0, |acc, &n| {
            let s = *acc;
            *acc += n;
            Some(s)
        })
        .collect();
    let mut located = Vec::with_capacity(indices.len());
    for &i in indices {
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(ArrayError::Index(format!(
                "index {i} is out of bounds for axis {axis} with size {len}"
            )));
        }
        let j = j as usize;
        let b = starts.partition_point(|&s| s <= j) - 1;
        located.push((b as u32, (j - starts[b]) as i64));
    }
    let size = m.chunksize()[axis].max(1);
    let mut out_chunks = Vec::new();
    let mut runs = Vec::new();
    for group in located.chunks(size) {
        let mut r: Vec<(u32, Vec<i64>)> = Vec::new();
        for &(b, p) in group {
            match r.last_mut() {
                Some((lb, v)) if *lb == b => v.push(p),
                _ => r.push((b, vec![p])),
            }
        }
        out_chunks.push(group.len());
        runs.push(r);
    }
    if runs.is_empty() {
        // An empty selection: one empty block reading the first input block.
        out_chunks.push(0);
        runs.push(vec![(0, Vec::new())]);
    }
    let mut shape = m.shape.clone();
    shape[axis] = indices.len();
    let mut all = m.chunks.clone();
    all[axis] = out_chunks;
    let mut t = Tokenizer::new();
    t.str(a.name()).u64(axis as u64).group(indices.len());
    for &i in indices {
        t.u64(i as u64);
    }
    Ok(Array::from_op(
        "take",
        &t,
        Meta::new(shape, all, m.dtype),
        Op::Plan {
            plan: Arc::new(Take { axis, runs }),
            inputs: vec![a.clone()],
        },
    ))
}
