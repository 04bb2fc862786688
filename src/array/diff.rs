//! `diff` as Dask builds it: `a[1:] - a[:-1]` along the axis, `n` times. The
//! two slices are first cut to the common refinement of their chunks (Dask's
//! chunk unification), so the result has Dask's chunks.

use super::elementwise::binary;
use super::error::ArrayError;
use super::manipulation::rechunk;
use super::node::Array;
use super::slicing::{getitem, IndexItem};
use crate::chunk::BinaryOp;

/// Block sizes whose boundaries are the union of both inputs' boundaries.
pub fn common_refinement(a: &[usize], b: &[usize]) -> Vec<usize> {
    let bounds = |c: &[usize]| {
        c.iter()
            .scan(0usize, |acc, &n| {
                *acc += n;
                Some(*acc)
            })
            .collect::<Vec<_>>()
    };
    let mut all = bounds(a);
    all.extend(bounds(b));
    all.sort_unstable();
    all.dedup();
    let mut out = Vec::with_capacity(all.len());
    let mut prev = 0;
    for e in all {
        if e > prev {
            out.push(e - prev);
            prev = e;
        }
    }
    out
}

/// `da.diff(a, n, axis)`: the `n`-th difference along `axis`.
pub fn diff(a: &Array, n: i64, axis: isize) -> Result<Array, ArrayError> {
    if n == 0 {
        return Ok(a.clone());
    }
    if n < 0 {
        return Err(ArrayError::Value(format!(
            "order must be non-negative but got {n}"
        )));
    }
    let nd = a.meta().ndim();
    if nd == 0 {
        return Err(ArrayError::Value(
            "diff requires input that is at least one dimensional".into(),
        ));
    }
    let ndi = nd as isize;
    if axis < -ndi || axis >= ndi {
        return Err(ArrayError::Index(format!(
            "axis {axis} is out of bounds for array of dimension {nd}"
        )));
    }
    let ax = if axis < 0 { axis + ndi } else { axis } as usize;
    let along = |s: IndexItem| {
        let mut idx = vec![IndexItem::Slice(None, None, None); nd];
        idx[ax] = s;
        idx
    };
    let mut r = a.clone();
    for _ in 0..n {
        if r.meta().shape[ax] == 0 {
            // Differences of an empty axis are empty: stop building layers.
            break;
        }
        let hi = getitem(&r, &along(IndexItem::Slice(Some(1), None, None)))?;
        let lo = getitem(&r, &along(IndexItem::Slice(None, Some(-1), None)))?;
        let mut want = hi.meta().chunks.clone();
        let refined = common_refinement(&hi.meta().chunks[ax], &lo.meta().chunks[ax]);
        if !refined.is_empty() {
            want[ax] = refined;
        }
        let hi = rechunk(&hi, want.clone())?;
        let lo = rechunk(&lo, want)?;
        r = binary(BinaryOp::Sub, &hi, &lo)?;
    }
    Ok(r)
}
