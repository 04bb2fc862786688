//! Choosing elements lazily: 3-argument `where` (elementwise, broadcasting)
//! and the `triu`/`tril` triangles (each block cut at its own offset).

use super::elementwise::blockwise;
use super::error::ArrayError;
use super::node::{Array, BlockKernel, BlockPlan, Op};
use crate::chunk::{self, Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

struct Where;

impl BlockKernel for Where {
    fn name(&self) -> &str {
        "where"
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        chunk::select::where3(inputs[0], inputs[1], inputs[2])
    }
    fn elementwise(&self) -> bool {
        true
    }
}

/// `where(cond, x, y)`: `x` where `cond` is true, else `y` (broadcast together).
pub fn where3(cond: &Array, x: &Array, y: &Array) -> Result<Array, ArrayError> {
    let mut t = Tokenizer::new();
    t.str("where");
    blockwise(Arc::new(Where), &[cond.clone(), x.clone(), y.clone()], &t)
}

struct Triangle {
    k: i64,
    upper: bool,
    /// Row and column offsets of each block along the last two axes.
    rows: Vec<usize>,
    cols: Vec<usize>,
}

impl BlockPlan for Triangle {
    fn name(&self) -> &str {
        if self.upper {
            "triu"
        } else {
            "tril"
        }
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let n = idx.len();
        let off = (
            self.rows[idx[n - 2] as usize],
            self.cols[idx[n - 1] as usize],
        );
        chunk::select::triangle(inputs[0], self.k, self.upper, off)
    }
}

fn starts(c: &[usize]) -> Vec<usize> {
    c.iter()
        .scan(0, |acc, &n| {
            let s = *acc;
            *acc += n;
            Some(s)
        })
        .collect()
}

/// `triu(a, k)` (`upper`) or `tril(a, k)`: zero one side of diagonal `k` of
/// the last two axes.
pub fn triangle(a: &Array, k: i64, upper: bool) -> Result<Array, ArrayError> {
    let m = a.meta();
    let n = m.ndim();
    if n < 2 {
        return Err(ArrayError::Value("input array must be at least 2-d".into()));
    }
    let plan = Triangle {
        k,
        upper,
        rows: starts(&m.chunks[n - 2]),
        cols: starts(&m.chunks[n - 1]),
    };
    let mut t = Tokenizer::new();
    t.str(a.name()).u64(k as u64).bool(upper);
    let name = plan.name().to_string();
    Ok(Array::from_op(
        &name,
        &t,
        m.clone(),
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![a.clone()],
        },
    ))
}
