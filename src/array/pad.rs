//! `pad` in constant mode, as Dask builds it: for each axis in turn, a block
//! of constants before and after (chunked in pieces of the axis' largest
//! block) concatenated with the array so far.

use super::creation::full;
use super::error::ArrayError;
use super::join::concatenate;
use super::node::Array;
use super::{AxisSpec, ChunkSpec};
use crate::chunk::Scalar;

/// Blocks of at most `size` covering `n` (Dask's `normalize_chunks((size,), (n,))`).
fn pieces(size: usize, n: usize) -> Result<Vec<usize>, ArrayError> {
    let size = size.max(1);
    if (n / size) as u128 > super::chunks::MAX_BLOCKS {
        return Err(ArrayError::Chunks(format!(
            "pad: a width of {n} in blocks of {size} is too many blocks to schedule"
        )));
    }
    let mut v = vec![size; n / size];
    if !n.is_multiple_of(size) {
        v.push(n % size);
    }
    Ok(v)
}

/// `da.pad(a, widths, mode='constant', constant_values=values)`: `widths[i]`
/// and `values[i]` are the (before, after) pairs of axis `i`; values are cast
/// to the array's dtype.
pub fn pad_constant(
    a: &Array,
    widths: &[(usize, usize)],
    values: &[(Scalar, Scalar)],
) -> Result<Array, ArrayError> {
    let nd = a.meta().ndim();
    if widths.len() != nd || values.len() != nd {
        return Err(ArrayError::Value(
            "pad: one (before, after) pair per axis is required".into(),
        ));
    }
    super::mask::require_known(a, "pad")?;
    let dt = a.meta().dtype;
    let mut result = a.clone();
    for (ax, (&(before, after), &(vb, va))) in widths.iter().zip(values).enumerate() {
        let m = result.meta().clone();
        let biggest = m.chunks[ax].iter().copied().max().unwrap_or(0);
        let side = |width: usize, value: Scalar| -> Result<Array, ArrayError> {
            let mut shape = m.shape.clone();
            shape[ax] = width;
            m.shape[ax]
                .checked_add(before)
                .and_then(|n| n.checked_add(after))
                .ok_or_else(|| ArrayError::Value("Maximum allowed dimension exceeded".into()))?;
            let mut chunks = m.chunks.clone();
            chunks[ax] = pieces(biggest, width)?;
            let spec = ChunkSpec::PerAxis(chunks.into_iter().map(AxisSpec::Explicit).collect());
            full("full", &shape, value.astype(dt), dt, &spec)
        };
        let mut parts = Vec::with_capacity(3);
        if before > 0 {
            parts.push(side(before, vb)?);
        }
        parts.push(result.clone());
        if after > 0 {
            parts.push(side(after, va)?);
        }
        if parts.len() > 1 {
            result = concatenate(&parts, ax as isize)?;
        }
    }
    Ok(result)
}
