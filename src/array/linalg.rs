//! Lazy matrix products: `dot`, `matmul`/`@` and `tensordot` over one pair of
//! axes. Output block (i, j) reads row i of the left blocks and column j of the
//! right blocks and sums their products; the contraction axis of the right
//! operand is rechunked to match the left's, as Dask's blockwise contraction does.

use super::elementwise::astype;
use super::error::ArrayError;
use super::manipulation::{rechunk, transpose};
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use super::slicing::{getitem, IndexItem};
use crate::chunk::{self, linalg, Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use std::sync::Arc;

struct MatMul {
    /// Blocks along the contraction axis.
    kblocks: u32,
}

impl BlockPlan for MatMul {
    fn name(&self) -> &str {
        "matmul"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let (i, j) = (idx[0], idx[1]);
        let left = (0..self.kblocks).map(|k| (0, vec![i, k]));
        let right = (0..self.kblocks).map(|k| (1, vec![k, j]));
        left.chain(right).collect()
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let k = self.kblocks as usize;
        let mut acc: Option<Chunk> = None;
        for (a, b) in inputs[..k].iter().zip(&inputs[k..]) {
            acc = Some(match acc {
                None => linalg::matmul2(a, b)?,
                Some(s) => linalg::matmul2_add(s, a, b)?,
            });
        }
        let out = acc.expect("at least one block along the contraction axis");
        // Bool products add as "or", like NumPy's bool matmul.
        out.to_dtype(inputs[0].dtype())
    }
}

/// `a @ b` for two 2-D lazy arrays.
fn matmul2(a: &Array, b: &Array) -> Result<Array, ArrayError> {
    let (am, bm) = (a.meta(), b.meta());
    if am.shape[1] != bm.shape[0] {
        return Err(ArrayError::Shape(
            linalg::mismatch(&am.shape, &bm.shape).to_string(),
        ));
    }
    let dtype = DType::promote(am.dtype, bm.dtype);
    let a = astype(a, dtype)?;
    let mut b = astype(b, dtype)?;
    if b.meta().chunks[0] != a.meta().chunks[1] {
        let want = vec![a.meta().chunks[1].clone(), b.meta().chunks[1].clone()];
        b = rechunk(&b, want)?;
    }
    let kblocks = a.meta().chunks[1].len().max(1) as u32;
    let meta = Meta::new(
        vec![a.meta().shape[0], b.meta().shape[1]],
        vec![a.meta().chunks[0].clone(), b.meta().chunks[1].clone()],
        dtype,
    );
    let mut t = Tokenizer::new();
    t.str("matmul").str(a.name()).str(b.name());
    Ok(Array::from_op(
        "matmul",
        &t,
        meta,
        Op::Plan {
            plan: Arc::new(MatMul { kblocks }),
            inputs: vec![a, b],
        },
    ))
}

/// `np.dot(a, b)` / `a @ b` for 1-D and 2-D lazy arrays, with NumPy's rules:
/// a 1-D left operand is a row, a 1-D right operand a column, and the added
/// axis is dropped from the result. 0-D operands multiply elementwise.
pub fn dot(a: &Array, b: &Array) -> Result<Array, ArrayError> {
    let (an, bn) = (a.meta().ndim(), b.meta().ndim());
    if an == 0 || bn == 0 {
        return super::elementwise::binary(chunk::BinaryOp::Mul, a, b);
    }
    if an > 2 || bn > 2 {
        return Err(ArrayError::Value(
            "dot of arrays with more than 2 dimensions is not supported by Tessera yet".into(),
        ));
    }
    let full = IndexItem::Slice(None, None, None);
    let a2 = if an == 1 {
        getitem(a, &[IndexItem::NewAxis, full.clone()])?
    } else {
        a.clone()
    };
    let b2 = if bn == 1 {
        getitem(b, &[full.clone(), IndexItem::NewAxis])?
    } else {
        b.clone()
    };
    if a2.meta().shape[1] != b2.meta().shape[0] {
        return Err(ArrayError::Shape(
            linalg::mismatch(&a.meta().shape, &b.meta().shape).to_string(),
        ));
    }
    let r = matmul2(&a2, &b2)?;
    match (an, bn) {
        (2, 2) => Ok(r),
        (1, 2) => getitem(&r, &[IndexItem::Int(0), full]),
        (2, 1) => getitem(&r, &[full, IndexItem::Int(0)]),
        _ => getitem(&r, &[IndexItem::Int(0), IndexItem::Int(0)]),
    }
}

/// `np.tensordot(a, b, axes)` for 2-D operands and one contracted pair
/// (`axes=1`, or `([i], [j])`): a transpose or two, then `dot`.
pub fn tensordot(a: &Array, b: &Array, a_axis: usize, b_axis: usize) -> Result<Array, ArrayError> {
    if a.meta().ndim() > 2 || b.meta().ndim() > 2 {
        return Err(ArrayError::Value(
            "tensordot of arrays with more than 2 dimensions is not supported by Tessera yet"
                .into(),
        ));
    }
    let last = a.meta().ndim().saturating_sub(1);
    let a = if a_axis != last {
        transpose(a, None)?
    } else {
        a.clone()
    };
    let b = if b_axis != 0 {
        transpose(b, None)?
    } else {
        b.clone()
    };
    dot(&a, &b)
}

/// `np.outer(a, b)`: both flattened to 1-D; element (i, j) is `a[i] * b[j]`.
pub fn outer(a: &Array, b: &Array) -> Result<Array, ArrayError> {
    if a.meta().ndim() != 1 || b.meta().ndim() != 1 {
        return Err(ArrayError::Value(
            "outer of arrays that are not 1-D is not supported by Tessera yet".into(),
        ));
    }
    let full = IndexItem::Slice(None, None, None);
    let col = getitem(a, &[full.clone(), IndexItem::NewAxis])?;
    let row = getitem(b, &[IndexItem::NewAxis, full])?;
    super::elementwise::binary(chunk::BinaryOp::Mul, &col, &row)
}
