//! `np.pad`'s modes that reuse the array's own values ('edge', 'reflect',
//! 'symmetric', 'wrap'), written once over [`PadOps`] so eager chunks and lazy
//! arrays share NumPy's algorithm: each axis in turn, pieces sliced from the
//! part padded so far are joined before and after it, repeating while the
//! widths exceed one reflection (NumPy's `_set_reflect_both`/`_set_wrap_both`).
//! The value-computing modes are in `pad_fill.rs`.

use super::index::{slice, IndexElem};
use super::{binary, concatenate, BinaryOp, Chunk, ChunkError, DType};

/// What the shared algorithm needs of an array type.
pub trait PadOps: Clone + Sized {
    /// The error its operations return.
    type Error;
    /// Length of `axis`.
    fn axis_len(&self, axis: usize) -> usize;
    /// Elements `start..stop` of `axis`, reversed when `reversed` (as `x[start:stop][::-1]`).
    fn range(
        &self,
        axis: usize,
        start: usize,
        stop: usize,
        reversed: bool,
    ) -> Result<Self, Self::Error>;
    /// The parts joined along `axis`.
    fn join(parts: &[Self], axis: usize) -> Result<Self, Self::Error>;
    /// A length-1 `axis` repeated to `width` (one block along it, for lazy arrays).
    fn widen(&self, axis: usize, width: usize) -> Result<Self, Self::Error>;
    /// `2 * edge - part` in the array's dtype (NumPy's odd reflection).
    fn odd(edge: &Self, part: &Self) -> Result<Self, Self::Error>;
}

/// Which values a reusing mode copies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reuse {
    /// 'reflect': mirrored about the edge element.
    Reflect,
    /// 'symmetric': mirrored including the edge element.
    Symmetric,
    /// 'wrap': the other end's values.
    Wrap,
}

fn join3<T: PadOps>(
    before: Option<T>,
    mid: T,
    after: Option<T>,
    axis: usize,
) -> Result<T, T::Error> {
    let mut parts = Vec::with_capacity(3);
    parts.extend(before);
    let single = parts.is_empty();
    parts.push(mid);
    parts.extend(after);
    if single && parts.len() == 1 {
        return Ok(parts.pop().expect("one part"));
    }
    T::join(&parts, axis)
}

fn edge_axis<T: PadOps>(cur: &T, axis: usize, (b, a): (usize, usize)) -> Result<T, T::Error> {
    let n = cur.axis_len(axis);
    let before = if b > 0 {
        Some(cur.range(axis, 0, 1, false)?.widen(axis, b)?)
    } else {
        None
    };
    let after = if a > 0 {
        Some(cur.range(axis, n - 1, n, false)?.widen(axis, a)?)
    } else {
        None
    };
    join3(before, cur.clone(), after, axis)
}

/// `np.pad(x, widths, 'edge')`: the edge values repeated. Every padded axis
/// must be non-empty (the caller checks, with NumPy's message).
pub fn edge<T: PadOps>(x: &T, widths: &[(usize, usize)]) -> Result<T, T::Error> {
    let mut cur = x.clone();
    for (ax, &w) in widths.iter().enumerate() {
        if w != (0, 0) {
            cur = edge_axis(&cur, ax, w)?;
        }
    }
    Ok(cur)
}

/// `np.pad(x, widths, 'reflect' | 'symmetric' | 'wrap', reflect_type=...)`
/// with `odd` for `reflect_type='odd'`. Every padded axis must be non-empty.
pub fn reuse<T: PadOps>(
    x: &T,
    widths: &[(usize, usize)],
    how: Reuse,
    odd: bool,
) -> Result<T, T::Error> {
    let mut cur = x.clone();
    for (ax, &(b, a)) in widths.iter().enumerate() {
        if (b, a) == (0, 0) {
            continue;
        }
        let n = cur.axis_len(ax);
        if n == 1 && how != Reuse::Wrap {
            // NumPy's legacy rule: a singleton axis is extended with its edge.
            cur = edge_axis(&cur, ax, (b, a))?;
            continue;
        }
        let (mut left, mut right) = (b, a);
        while left > 0 || right > 0 {
            let l = cur.axis_len(ax);
            // The pieces' positions in `cur`, and the edge each mirrors about.
            let (lp, rp) = match how {
                Reuse::Wrap => {
                    let period = l / n * n;
                    let (m, k) = (left.min(period), right.min(period));
                    (
                        (period - m, period, false),
                        (l - period, l - period + k, false),
                    )
                }
                Reuse::Reflect => {
                    let old = (l - 1) / (n - 1) * (n - 1);
                    let (m, k) = (left.min(old), right.min(old));
                    ((1, m + 1, true), (l - 1 - k, l - 1, true))
                }
                Reuse::Symmetric => {
                    let old = l / n * n;
                    let (m, k) = (left.min(old), right.min(old));
                    ((0, m, true), (l - k, l, true))
                }
            };
            let piece =
                |(s, e, rev): (usize, usize, bool), at: usize| -> Result<Option<T>, T::Error> {
                    if e == s {
                        return Ok(None);
                    }
                    let p = cur.range(ax, s, e, rev)?;
                    if odd && how != Reuse::Wrap {
                        return Ok(Some(T::odd(&cur.range(ax, at, at + 1, false)?, &p)?));
                    }
                    Ok(Some(p))
                };
            let before = if left > 0 { piece(lp, 0)? } else { None };
            let after = if right > 0 { piece(rp, l - 1)? } else { None };
            left -= lp.1 - lp.0;
            right -= rp.1 - rp.0;
            cur = join3(before, cur.clone(), after, ax)?;
        }
    }
    Ok(cur)
}

fn along(ndim: usize, axis: usize, start: usize, stop: usize) -> Vec<IndexElem> {
    let mut idx = vec![IndexElem::FULL; ndim];
    idx[axis] = IndexElem::Slice {
        start: Some(start as isize),
        stop: Some(stop as isize),
        step: 1,
    };
    idx
}

impl PadOps for Chunk {
    type Error = ChunkError;
    fn axis_len(&self, axis: usize) -> usize {
        self.shape()[axis]
    }
    fn range(
        &self,
        axis: usize,
        start: usize,
        stop: usize,
        reversed: bool,
    ) -> Result<Self, ChunkError> {
        let part = slice(self, &along(self.ndim(), axis, start, stop))?;
        if !reversed {
            return Ok(part);
        }
        let mut idx = vec![IndexElem::FULL; self.ndim()];
        idx[axis] = IndexElem::Slice {
            start: None,
            stop: None,
            step: -1,
        };
        slice(&part, &idx)
    }
    fn join(parts: &[Self], axis: usize) -> Result<Self, ChunkError> {
        concatenate(parts, axis as isize)
    }
    fn widen(&self, axis: usize, width: usize) -> Result<Self, ChunkError> {
        let mut shape = self.shape().to_vec();
        shape[axis] = width;
        self.broadcast_to(&shape)
    }
    fn odd(edge: &Self, part: &Self) -> Result<Self, ChunkError> {
        odd_values(edge, part)
    }
}

/// `2 * edge - part` in `part`'s dtype (wrapping for integers; booleans go
/// through int64 and back, as NumPy's assignment of the int64 result does).
pub fn odd_values(edge: &Chunk, part: &Chunk) -> Result<Chunk, ChunkError> {
    let dt = part.dtype();
    let (e, p) = if dt == DType::Bool {
        (edge.astype(DType::Int64)?, part.astype(DType::Int64)?)
    } else {
        (edge.clone(), part.clone())
    };
    let twice = binary(BinaryOp::Add, &e, &e)?;
    let r = binary(BinaryOp::Sub, &twice, &p)?;
    if r.dtype() == dt {
        Ok(r)
    } else {
        r.astype(dt)
    }
}

#[cfg(test)]
#[path = "pad_tests.rs"]
mod tests;
