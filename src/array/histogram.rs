//! Lazy histograms, as Dask builds them: one row of bin counts per input
//! block (an `(nblocks, nbins)` array with one block per row), then a sum over
//! the rows. The edges are known up front, so they come back eagerly.

use super::elementwise::astype;
use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use super::reduction::reduce;
use crate::chunk::histogram::{counts, Bins};
use crate::chunk::{self, Chunk, ChunkError, DType, ReduceOp};
use crate::graph::Tokenizer;
use std::sync::Arc;

struct PerBlock {
    bins: Bins,
    /// Block grid of the input, to turn a row number into a block index.
    numblocks: Vec<usize>,
    weighted: bool,
}

impl PerBlock {
    fn unravel(&self, mut b: usize) -> Vec<u32> {
        let mut idx = vec![0u32; self.numblocks.len()];
        for ax in (0..self.numblocks.len()).rev() {
            idx[ax] = (b % self.numblocks[ax]) as u32;
            b /= self.numblocks[ax];
        }
        idx
    }
}

impl BlockPlan for PerBlock {
    fn name(&self) -> &str {
        "histogram"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let at = self.unravel(idx[0] as usize);
        let mut v = vec![(0, at.clone())];
        if self.weighted {
            v.push((1, at));
        }
        v
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let c = counts(inputs[0], &self.bins, inputs.get(1).copied())?;
        chunk::reshape(&c, &[1, self.bins.len() as isize])
    }
}

/// `da.histogram(a, bins, range, weights)`: lazy counts (int64, or the
/// weights' kind) and the eager bin edges.
pub fn histogram(
    a: &Array,
    bins: Bins,
    weights: Option<&Array>,
) -> Result<(Array, Vec<f64>), ArrayError> {
    let m = a.meta();
    let mut inputs = vec![a.clone()];
    let mut out_dtype = DType::Int64;
    if let Some(w) = weights {
        if w.meta().shape != m.shape {
            return Err(ArrayError::Value(
                "weights should have the same shape as a.".into(),
            ));
        }
        let w = if w.meta().chunks != m.chunks {
            rechunk(w, m.chunks.clone())?
        } else {
            w.clone()
        };
        if w.meta().dtype.is_float() {
            out_dtype = DType::Float64;
        }
        inputs.push(astype(&w, w.meta().dtype)?);
    }
    let nb = m.nblocks();
    let edges = bins.edge_values();
    let nbins = bins.len();
    let plan = PerBlock {
        bins,
        numblocks: m.numblocks(),
        weighted: weights.is_some(),
    };
    let meta = Meta::new(vec![nb, nbins], vec![vec![1; nb], vec![nbins]], out_dtype);
    let mut t = Tokenizer::new();
    for i in &inputs {
        t.str(i.name());
    }
    for e in &edges {
        t.u64(e.to_bits());
    }
    let rows = Array::from_op(
        "histogram",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(plan),
            inputs,
        },
    );
    let total = reduce(&rows, ReduceOp::Sum, Some(&[0]), false, 0, None)?;
    Ok((astype(&total, out_dtype)?, edges))
}
