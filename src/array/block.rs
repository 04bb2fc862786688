//! `block` (nested lists of arrays joined innermost-last-axis first) and
//! `tile` (built on `block`, exactly as Dask builds it), so both get
//! Dask's chunks: each piece keeps its own blocks.

use super::creation::full;
use super::error::ArrayError;
use super::join::concatenate;
use super::node::Array;
use super::slicing::{getitem, IndexItem};
use super::ChunkSpec;
use crate::chunk::Scalar;

/// A nested list of arrays, as given to `block`.
#[derive(Clone)]
pub enum Nested {
    /// An array (or a number already wrapped as a 0-d array).
    Leaf(Array),
    /// A list of nested items.
    List(Vec<Nested>),
}

fn format_index(index: &[usize]) -> String {
    let mut s = "arrays".to_string();
    for i in index {
        s.push_str(&format!("[{i}]"));
    }
    s
}

/// NumPy's depth check: every leaf at the same list depth, no empty lists.
fn list_depth(n: &Nested) -> Result<usize, ArrayError> {
    let mut depth: Option<usize> = None;
    let mut any_empty = false;
    fn walk(
        n: &Nested,
        index: &mut Vec<usize>,
        depth: &mut Option<usize>,
        any_empty: &mut bool,
    ) -> Result<(), ArrayError> {
        let cur = match n {
            Nested::Leaf(_) => index.len(),
            Nested::List(items) if items.is_empty() => {
                *any_empty = true;
                index.len() + 1
            }
            Nested::List(items) => {
                for (i, it) in items.iter().enumerate() {
                    index.push(i);
                    walk(it, index, depth, any_empty)?;
                    index.pop();
                }
                return Ok(());
            }
        };
        if let Some(d) = *depth {
            if d != cur {
                return Err(ArrayError::Value(format!(
                    "List depths are mismatched. First element was at depth {d}, but there is an element at depth {cur} ({})",
                    format_index(index)
                )));
            }
        }
        *depth = Some(cur);
        Ok(())
    }
    walk(n, &mut Vec::new(), &mut depth, &mut any_empty)?;
    if any_empty {
        return Err(ArrayError::Value("Lists cannot be empty".into()));
    }
    Ok(depth.unwrap_or(0))
}

fn max_ndim(n: &Nested) -> usize {
    match n {
        Nested::Leaf(a) => a.meta().ndim(),
        Nested::List(items) => items.iter().map(max_ndim).max().unwrap_or(0),
    }
}

fn join(n: &Nested, ndim: usize, axis: usize) -> Result<Array, ArrayError> {
    match n {
        Nested::Leaf(a) => {
            let missing = ndim.saturating_sub(a.meta().ndim());
            if missing == 0 {
                return Ok(a.clone());
            }
            let mut idx = vec![IndexItem::NewAxis; missing];
            idx.push(IndexItem::Ellipsis);
            getitem(a, &idx)
        }
        Nested::List(items) => {
            let parts = items
                .iter()
                .map(|it| join(it, ndim, axis + 1))
                .collect::<Result<Vec<_>, _>>()?;
            concatenate(&parts, axis as isize)
        }
    }
}

/// `da.block(arrays)`: the assembled array; its number of axes is the larger
/// of the list depth and the largest input's.
pub fn block(arrays: &Nested) -> Result<Array, ArrayError> {
    let depth = list_depth(arrays)?;
    let ndim = depth.max(max_ndim(arrays));
    join(arrays, ndim, ndim - depth)
}

/// `da.tile(a, reps)`: `block` of nested copies when every rep is positive,
/// else an empty array of the right shape (both as Dask does it).
pub fn tile(a: &Array, reps: &[i64]) -> Result<Array, ArrayError> {
    if reps.iter().any(|&r| r < 0) {
        return Err(ArrayError::Value("Negative `reps` are not allowed.".into()));
    }
    let copies = reps.iter().fold(a.meta().nblocks() as u128, |acc, &r| {
        acc.saturating_mul(r as u128)
    });
    if copies > super::chunks::MAX_BLOCKS {
        return Err(ArrayError::Chunks(format!(
            "tile: {copies} blocks are too many to schedule; rechunk to larger blocks first"
        )));
    }
    if reps.iter().all(|&r| r > 0) {
        let mut c = Nested::Leaf(a.clone());
        for &r in reps.iter().rev() {
            c = Nested::List(vec![c; r as usize]);
        }
        return block(&c);
    }
    let m = a.meta();
    let mut tup: Vec<usize> = reps.iter().map(|&r| r as usize).collect();
    let mut shape = m.shape.clone();
    if tup.len() < shape.len() {
        let mut t = vec![1; shape.len() - tup.len()];
        t.extend(tup);
        tup = t;
    }
    if shape.len() < tup.len() {
        let mut s = vec![1; tup.len() - shape.len()];
        s.extend(shape);
        shape = s;
    }
    let out: Vec<usize> = shape.iter().zip(&tup).map(|(&s, &t)| s * t).collect();
    full(
        "empty",
        &out,
        Scalar::F64(0.0).astype(m.dtype),
        m.dtype,
        &ChunkSpec::Auto,
    )
}
