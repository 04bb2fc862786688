//! `diff` as Dask builds it: `prepend` and `append` concatenated along the
//! axis, then `a[1:] - a[:-1]` along it, `n` times. The two slices are first
//! cut to the common refinement of their chunks (Dask's chunk unification),
//! so the result has Dask's chunks.

use super::broadcast::broadcast_to;
use super::elementwise::binary;
use super::error::ArrayError;
use super::join::concatenate;
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

/// `da.diff(a, n, axis, prepend, append)`: the `n`-th difference along
/// `axis`, after joining `prepend` before and `append` after `a` along it;
/// a 0-d `prepend`/`append` is broadcast to one step of the axis first.
pub fn diff(
    a: &Array,
    n: i64,
    axis: isize,
    prepend: Option<&Array>,
    append: Option<&Array>,
) -> Result<Array, ArrayError> {
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
    let a = &with_ends(a, ax, prepend, append)?;
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

/// `a` with `prepend` and `append` joined along `ax` (0-d ones broadcast).
fn with_ends(
    a: &Array,
    ax: usize,
    prepend: Option<&Array>,
    append: Option<&Array>,
) -> Result<Array, ArrayError> {
    if prepend.is_none() && append.is_none() {
        return Ok(a.clone());
    }
    let end = |e: &Array| {
        if e.meta().ndim() > 0 {
            // Dask's `asarray_safe` turns the array into one NumPy block.
            let one = e.meta().shape.iter().map(|&n| vec![n]).collect();
            return rechunk(e, one);
        }
        let mut shape = a.meta().shape.clone();
        shape[ax] = 1;
        broadcast_to(e, &shape, None)
    };
    let mut parts = Vec::with_capacity(3);
    if let Some(p) = prepend {
        parts.push(end(p)?);
    }
    parts.push(a.clone());
    if let Some(p) = append {
        parts.push(end(p)?);
    }
    concatenate(&parts, ax as isize)
}
