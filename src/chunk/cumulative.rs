//! Cumulative sums and products along an axis, with a carry-in so a blocked
//! scan (block after block along the axis) equals the whole-array scan.

use super::arith::Arith;
use super::error::{ChunkError, Result};
use super::kernel::norm_axis;
use super::{Chunk, DType, Elem};
use ndarray::{ArrayD, Axis, IxDyn, Zip};

/// Which scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScanOp {
    /// `cumsum`
    CumSum,
    /// `cumprod`
    CumProd,
}

/// `np.cumsum`/`np.cumprod` along `axis` (None = over the flattened array).
/// `carry`, if given, is the running total from earlier blocks: a chunk shaped
/// like the result with `axis` removed (or of length 1). Result dtype follows
/// NumPy (int32 → int64, float32 stays).
pub fn cumulative(
    c: &Chunk,
    op: ScanOp,
    axis: Option<isize>,
    carry: Option<&Chunk>,
) -> Result<Chunk> {
    let (src, ax) = match axis {
        None => (super::index::reshape(c, &[-1])?, 0),
        Some(a) => (c.clone(), norm_axis(a, c.ndim())?),
    };
    let rd = DType::sum_result(src.dtype());
    let work = src.to_dtype(rd)?;
    let mut lane_shape = work.shape().to_vec();
    lane_shape.remove(ax);
    let init = match carry {
        None => None,
        Some(k) => {
            if k.size() != lane_shape.iter().product::<usize>() {
                return Err(ChunkError::Shape(
                    "cumulative: carry does not match the result lanes".into(),
                ));
            }
            Some(super::index::reshape(
                &k.to_dtype(rd)?,
                &lane_shape.iter().map(|&d| d as isize).collect::<Vec<_>>(),
            )?)
        }
    };
    dispatch_num!(work, a => Ok(Elem::into_chunk(scan(a, ax, op, init.as_ref().map(|k| Elem::array(k).expect("cast"))))),
        bool _b => unreachable!("sum_result is never bool"))
}

fn scan<T: Arith>(mut a: ArrayD<T>, ax: usize, op: ScanOp, init: Option<&ArrayD<T>>) -> ArrayD<T> {
    let mut shape = a.shape().to_vec();
    shape.remove(ax);
    let start = match (init, op) {
        (Some(k), _) => k.clone(),
        (None, ScanOp::CumSum) => ArrayD::from_elem(IxDyn(&shape), T::ZERO),
        (None, ScanOp::CumProd) => ArrayD::from_elem(IxDyn(&shape), T::ONE),
    };
    Zip::from(a.lanes_mut(Axis(ax)))
        .and(&start)
        .for_each(|mut lane, &s| {
            let mut acc = s;
            for v in lane.iter_mut() {
                acc = match op {
                    ScanOp::CumSum => acc.add(*v),
                    ScanOp::CumProd => acc.mul(*v),
                };
                *v = acc;
            }
        });
    a
}

/// The carry-out of a scanned block: its last slice along `axis`.
pub fn last_along(c: &Chunk, axis: isize) -> Result<Chunk> {
    let ax = norm_axis(axis, c.ndim())?;
    let n = c.shape()[ax];
    if n == 0 {
        return Err(ChunkError::Value("empty block has no last element".into()));
    }
    Ok(dispatch_chunk!(c, a => Elem::into_chunk(a.index_axis(Axis(ax), n - 1).to_owned())))
}
