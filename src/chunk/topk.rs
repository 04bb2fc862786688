//! Dask's `topk`/`argtopk` kernels: the `|k|` largest (k > 0, in descending
//! order) or smallest (k < 0, ascending) values along an axis, and where
//! they were. Applied per block, then again to the concatenated per-block
//! winners, they give the whole-array answer.

use super::error::Result;
use super::kernel::{check_alloc, norm_axis};
use super::setops::cmp_nan_last;
use super::{Chunk, DType, Elem};
use ndarray::{ArrayD, Axis, IxDyn, Zip};

/// Length along the axis of a top-k result over `n` elements.
pub fn topk_len(k: i64, n: usize) -> usize {
    (k.unsigned_abs() as usize).min(n)
}

/// Values of the top `k` along `axis` (NaN counts as the largest, as in
/// NumPy's sort order).
pub fn topk(c: &Chunk, k: i64, axis: isize) -> Result<Chunk> {
    Ok(select(c, None, 0, k, axis)?.0)
}

/// Values and int64 positions of the top `k` along `axis`. Positions come
/// from `indices` (shaped like `c`, for merging earlier results) or are the
/// element's place along the axis plus `offset` (the block's start).
pub fn argtopk(
    c: &Chunk,
    indices: Option<&Chunk>,
    offset: i64,
    k: i64,
    axis: isize,
) -> Result<(Chunk, Chunk)> {
    select(c, indices, offset, k, axis)
}

fn select(
    c: &Chunk,
    indices: Option<&Chunk>,
    offset: i64,
    k: i64,
    axis: isize,
) -> Result<(Chunk, Chunk)> {
    let ax = norm_axis(axis, c.ndim())?;
    let n = c.shape()[ax];
    let m = topk_len(k, n);
    let mut shape = c.shape().to_vec();
    shape[ax] = m;
    check_alloc(&shape, c.dtype())?;
    check_alloc(&shape, DType::Int64)?;
    let idx: ArrayD<i64> = match indices {
        Some(i) => i.to_typed::<i64>(),
        None => {
            let mut pos = ArrayD::from_elem(IxDyn(c.shape()), 0i64);
            for (j, mut lane) in pos.axis_iter_mut(Axis(ax)).enumerate() {
                lane.fill(offset + j as i64);
            }
            pos
        }
    };
    Ok(dispatch_chunk!(c, a => {
        let (v, i) = select_typed(a, &idx, ax, k, &shape);
        (Elem::into_chunk(v), Chunk::I64(i))
    }))
}

fn select_typed<T: Elem>(
    a: &ArrayD<T>,
    idx: &ArrayD<i64>,
    ax: usize,
    k: i64,
    shape: &[usize],
) -> (ArrayD<T>, ArrayD<i64>) {
    let mut vals = ArrayD::from_elem(IxDyn(shape), T::default());
    let mut pos = ArrayD::from_elem(IxDyn(shape), 0i64);
    let m = shape[ax];
    let mut pairs: Vec<(T, i64)> = Vec::new();
    Zip::from(a.lanes(Axis(ax)))
        .and(idx.lanes(Axis(ax)))
        .and(vals.lanes_mut(Axis(ax)))
        .and(pos.lanes_mut(Axis(ax)))
        .for_each(|lane, ilane, mut vout, mut iout| {
            pairs.clear();
            pairs.extend(lane.iter().copied().zip(ilane.iter().copied()));
            pairs.sort_by(|x, y| cmp_nan_last(&x.0, &y.0));
            if k > 0 {
                pairs.reverse();
            }
            for (j, &(v, i)) in pairs.iter().take(m).enumerate() {
                vout[j] = v;
                iout[j] = i;
            }
        });
    (vals, pos)
}

#[cfg(test)]
#[path = "topk_tests.rs"]
mod tests;
