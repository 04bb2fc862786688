//! Re-arranging the elements of one chunk into a bigger or smaller one:
//! `np.repeat`, `np.tile`, `np.pad` (constant mode) and `np.diff`. The lazy
//! versions run these on each block.

use super::error::{ChunkError, Result};
use super::index::{reshape, slice, IndexElem};
use super::kernel::{check_alloc, norm_axis};
use super::{binary, concatenate, BinaryOp, Chunk, DType, Elem, Scalar};
use ndarray::{ArrayD, Axis, IxDyn};

/// `np.repeat(c, repeats, axis)`: every element `repeats` times in a row along
/// `axis` (None: over the flattened array).
pub fn repeat(c: &Chunk, repeats: usize, axis: Option<isize>) -> Result<Chunk> {
    let (src, ax) = match axis {
        None => (reshape(c, &[-1])?, 0),
        Some(a) => (c.clone(), norm_axis(a, c.ndim())?),
    };
    let mut shape = src.shape().to_vec();
    shape[ax] = shape[ax]
        .checked_mul(repeats)
        .ok_or_else(|| ChunkError::Value("Maximum allowed dimension exceeded".into()))?;
    check_alloc(&shape, src.dtype())?;
    Ok(dispatch_chunk!(&src, a => Elem::into_chunk(repeat_typed(a, repeats, ax, &shape))))
}

fn repeat_typed<T: Elem>(a: &ArrayD<T>, repeats: usize, ax: usize, shape: &[usize]) -> ArrayD<T> {
    let mut out = ArrayD::from_elem(IxDyn(shape), T::default());
    for (i, lane) in a.axis_iter(Axis(ax)).enumerate() {
        for r in 0..repeats {
            out.index_axis_mut(Axis(ax), i * repeats + r).assign(&lane);
        }
    }
    out
}

/// `np.tile(c, reps)`: the array repeated as a whole `reps[i]` times along
/// each axis (shorter `reps` apply to the last axes; longer ones add axes).
pub fn tile(c: &Chunk, reps: &[usize]) -> Result<Chunk> {
    let nd = c.ndim().max(reps.len());
    let mut shape = vec![1usize; nd - c.ndim()];
    shape.extend(c.shape());
    let mut reps_full = vec![1usize; nd - reps.len()];
    reps_full.extend_from_slice(reps);
    // (s0, s1, ..) → (1, s0, 1, s1, ..) broadcast to (r0, s0, r1, s1, ..),
    // then merged pairwise: one pass, and `check_alloc` sees the final size.
    let mut inter = Vec::with_capacity(2 * nd);
    let mut wide = Vec::with_capacity(2 * nd);
    let mut out = Vec::with_capacity(nd);
    for (&s, &r) in shape.iter().zip(&reps_full) {
        inter.extend([1isize, s as isize]);
        wide.extend([r, s]);
        out.push(
            s.checked_mul(r)
                .ok_or_else(|| ChunkError::Value("Maximum allowed dimension exceeded".into()))?
                as isize,
        );
    }
    let spread = reshape(c, &inter)?.broadcast_to(&wide)?;
    reshape(&spread, &out)
}

/// `np.pad(c, widths, mode='constant', constant_values=...)`: `widths[i]` =
/// (before, after) along axis `i`, filled with `values[i]` (before, after),
/// each cast to the array's dtype.
pub fn pad_constant(
    c: &Chunk,
    widths: &[(usize, usize)],
    values: &[(Scalar, Scalar)],
) -> Result<Chunk> {
    if widths.len() != c.ndim() || values.len() != c.ndim() {
        return Err(ChunkError::Value(
            "pad: one (before, after) pair per axis is required".into(),
        ));
    }
    let out_shape: Vec<usize> = c
        .shape()
        .iter()
        .zip(widths)
        .map(|(&s, &(b, a))| s.saturating_add(b).saturating_add(a))
        .collect();
    check_alloc(&out_shape, c.dtype())?;
    let dt = c.dtype();
    let mut cur = c.clone();
    for (ax, (&(before, after), (vb, va))) in widths.iter().zip(values).enumerate() {
        if before == 0 && after == 0 {
            continue;
        }
        let mut parts = Vec::with_capacity(3);
        let mut side = cur.shape().to_vec();
        if before > 0 {
            side[ax] = before;
            parts.push(Chunk::full(&side, vb.astype(dt), dt)?);
        }
        parts.push(cur);
        if after > 0 {
            side[ax] = after;
            parts.push(Chunk::full(&side, va.astype(dt), dt)?);
        }
        cur = concatenate(&parts, ax as isize)?;
    }
    Ok(cur)
}

/// `np.diff(c, n, axis)`: the `n`-th discrete difference along `axis`
/// (`!=` for booleans, as NumPy does).
pub fn diff(c: &Chunk, n: usize, axis: isize) -> Result<Chunk> {
    if c.ndim() == 0 {
        return Err(ChunkError::Value(
            "diff requires input that is at least one dimensional".into(),
        ));
    }
    let ax = norm_axis(axis, c.ndim())?;
    let op = if c.dtype() == DType::Bool {
        BinaryOp::Ne
    } else {
        BinaryOp::Sub
    };
    let mut cur = c.clone();
    for _ in 0..n {
        let len = cur.shape()[ax] as isize;
        let along = |start: Option<isize>, stop: Option<isize>| {
            let mut idx = vec![IndexElem::FULL; cur.ndim()];
            idx[ax] = IndexElem::Slice {
                start,
                stop,
                step: 1,
            };
            idx
        };
        if len == 0 {
            break;
        }
        let hi = slice(&cur, &along(Some(1), None))?;
        let lo = slice(&cur, &along(None, Some(len - 1)))?;
        cur = binary(op, &hi, &lo)?;
    }
    Ok(cur)
}

#[cfg(test)]
#[path = "arrange_tests.rs"]
mod tests;
