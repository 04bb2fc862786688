//! Lazy `cumsum`/`cumprod` along an axis as a blocked scan: every block is
//! scanned on its own, the last slice of each is gathered into one small
//! array and scanned again (the running totals), and each block then adds
//! (multiplies) the total of the blocks before it. O(blocks) tasks and edges.

use super::elementwise::{astype, blockwise};
use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::Meta;
use super::node::{Array, BlockKernel, BlockPlan, Op};
use crate::chunk::{self, index::IndexElem, BinaryOp, Chunk, ChunkError, DType, ScanOp};
use crate::graph::Tokenizer;
use std::sync::Arc;

fn op_name(op: ScanOp) -> &'static str {
    match op {
        ScanOp::CumSum => "cumsum",
        ScanOp::CumProd => "cumprod",
    }
}

/// The scan of one block on its own.
struct ScanBlock {
    op: ScanOp,
    axis: usize,
}

impl BlockKernel for ScanBlock {
    fn name(&self) -> &str {
        op_name(self.op)
    }
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        if inputs[0].ndim() <= self.axis {
            // The 1-element dtype probe of `blockwise`.
            return chunk::cumulative(inputs[0], self.op, None, None);
        }
        chunk::cumulative(inputs[0], self.op, Some(self.axis as isize), None)
    }
}

/// The last slice along the axis of each scanned block (length 1 kept), or
/// the identity for an empty block.
struct Lasts {
    op: ScanOp,
    axis: usize,
}

impl BlockPlan for Lasts {
    fn name(&self) -> &str {
        "cumulative-last"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let c = inputs[0];
        let n = c.shape()[self.axis];
        if n == 0 {
            let mut s = c.shape().to_vec();
            s[self.axis] = 1;
            return match self.op {
                ScanOp::CumSum => Chunk::zeros(&s, c.dtype()),
                ScanOp::CumProd => Chunk::ones(&s, c.dtype()),
            };
        }
        let mut idx = vec![IndexElem::FULL; c.ndim()];
        idx[self.axis] = IndexElem::Slice {
            start: Some(n as isize - 1),
            stop: None,
            step: 1,
        };
        chunk::slice(c, &idx)
    }
}

/// Block `k` along the axis combined with the running total of blocks `< k`.
struct Carry {
    op: ScanOp,
    axis: usize,
}

impl BlockPlan for Carry {
    fn name(&self) -> &str {
        "cumulative-carry"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut v = vec![(0, idx.to_vec())];
        if idx[self.axis] > 0 {
            let mut at = idx.to_vec();
            at[self.axis] = 0;
            v.push((1, at));
        }
        v
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let k = idx[self.axis] as isize;
        if k == 0 {
            return Ok(inputs[0].clone());
        }
        let mut at = vec![IndexElem::FULL; inputs[1].ndim()];
        at[self.axis] = IndexElem::Slice {
            start: Some(k - 1),
            stop: Some(k),
            step: 1,
        };
        let total = chunk::slice(inputs[1], &at)?;
        let op = match self.op {
            ScanOp::CumSum => BinaryOp::Add,
            ScanOp::CumProd => BinaryOp::Mul,
        };
        chunk::binary(op, inputs[0], &total)
    }
}

fn plan(prefix: &str, meta: Meta, p: Arc<dyn BlockPlan>, inputs: Vec<Array>) -> Array {
    let mut t = Tokenizer::new();
    for i in &inputs {
        t.str(i.name());
    }
    t.str(prefix);
    Array::from_op(prefix, &t, meta, Op::Plan { plan: p, inputs })
}

/// `da.cumsum`/`da.cumprod(a, axis, dtype)`. `axis=None` scans the flattened
/// array, rechunked (as Dask does) to blocks of `a.npartitions` elements.
pub fn cumulative(
    a: &Array,
    op: ScanOp,
    axis: Option<isize>,
    dtype: Option<DType>,
) -> Result<Array, ArrayError> {
    let src = match dtype {
        Some(d) => astype(a, d)?,
        None => a.clone(),
    };
    let (x, ax) = match axis {
        None if src.meta().ndim() == 1 => (src, 0usize),
        None => {
            let parts = src.meta().nblocks();
            let flat = super::mask::ravel(&src)?;
            let n = flat.meta().shape[0];
            let c = super::chunks::blocks_of(n, parts.max(1));
            (rechunk(&flat, vec![c])?, 0)
        }
        Some(ax) => {
            let nd = src.meta().ndim() as isize;
            if ax < -nd || ax >= nd {
                return Err(ArrayError::Index(format!(
                    "Axis {ax} is out of bounds for array of dimension {nd}"
                )));
            }
            (src, if ax < 0 { ax + nd } else { ax } as usize)
        }
    };
    if x.meta().ndim() == 0 {
        return Err(ArrayError::Value(
            "cumulative operations need at least one axis".into(),
        ));
    }
    super::mask::require_known(&x, op_name(op))?;
    let mut t = Tokenizer::new();
    t.str(op_name(op)).u64(ax as u64);
    let scanned = blockwise(
        Arc::new(ScanBlock { op, axis: ax }),
        std::slice::from_ref(&x),
        &t,
    )?;
    let out = if x.meta().chunks[ax].len() <= 1 {
        scanned
    } else {
        let sm = scanned.meta();
        let nb = sm.chunks[ax].len();
        let mut shape = sm.shape.clone();
        shape[ax] = nb;
        let mut chunks = sm.chunks.clone();
        chunks[ax] = vec![1; nb];
        let lasts = plan(
            "cumulative-last",
            Meta::new(shape, chunks.clone(), sm.dtype),
            Arc::new(Lasts { op, axis: ax }),
            vec![scanned.clone()],
        );
        chunks[ax] = vec![nb];
        let merged = rechunk(&lasts, chunks)?;
        let totals = blockwise(Arc::new(ScanBlock { op, axis: ax }), &[merged], &t)?;
        plan(
            op_name(op),
            sm.clone(),
            Arc::new(Carry { op, axis: ax }),
            vec![scanned.clone(), totals],
        )
    };
    match dtype {
        Some(d) => astype(&out, d),
        None => Ok(out),
    }
}
