//! Basic indexing: Python slices (any step), integer indices, newaxis and
//! ellipsis; plus take, boolean masks, transpose and reshape.

use super::error::{ChunkError, Result};
use super::kernel::{check_alloc, norm_axis, shape_str};
use super::{Chunk, Elem};
use ndarray::{ArrayD, Axis, IxDyn, SliceInfoElem};

/// One entry of a basic index expression `x[...]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexElem {
    /// `start:stop:step` (Python semantics, step ≠ 0).
    Slice {
        /// Start, None = from the beginning (end for negative steps).
        start: Option<isize>,
        /// Stop, None = to the end (beginning for negative steps).
        stop: Option<isize>,
        /// Step.
        step: isize,
    },
    /// An integer index (drops the axis); negative counts from the end.
    Index(isize),
    /// `None` / `np.newaxis`: insert a length-1 axis.
    NewAxis,
    /// `...`: as many full slices as needed.
    Ellipsis,
}

impl IndexElem {
    /// The full slice `:`.
    pub const FULL: IndexElem = IndexElem::Slice {
        start: None,
        stop: None,
        step: 1,
    };
}

/// CPython's slice adjustment: (first index, element count) for an axis of
/// length `len`.
pub fn slice_indices(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> Result<(isize, usize)> {
    if step == 0 {
        return Err(ChunkError::Value("slice step cannot be zero".into()));
    }
    let n = len as isize;
    let adjust = |v: isize, lo: isize, hi: isize| -> isize {
        let v = if v < 0 { v + n } else { v };
        v.clamp(lo, hi)
    };
    let (first, count) = if step > 0 {
        let s = start.map_or(0, |v| adjust(v, 0, n));
        let e = stop.map_or(n, |v| adjust(v, 0, n));
        let c = if e > s { (e - s + step - 1) / step } else { 0 };
        (s, c)
    } else {
        let s = start.map_or(n - 1, |v| adjust(v, -1, n - 1));
        let e = stop.map_or(-1, |v| adjust(v, -1, n - 1));
        let c = if s > e { (s - e - 1) / (-step) + 1 } else { 0 };
        (s, c)
    };
    Ok((first, count as usize))
}

/// Expand an index list against `ndim`: resolve the ellipsis, pad with full
/// slices, and check there are not too many indices.
pub fn expand_index(idx: &[IndexElem], ndim: usize) -> Result<Vec<IndexElem>> {
    let consumed = idx
        .iter()
        .filter(|e| matches!(e, IndexElem::Slice { .. } | IndexElem::Index(_)))
        .count();
    if consumed > ndim {
        return Err(ChunkError::Value(format!(
            "too many indices for array: array is {ndim}-dimensional, but {consumed} were indexed"
        )));
    }
    if idx
        .iter()
        .filter(|e| matches!(e, IndexElem::Ellipsis))
        .count()
        > 1
    {
        return Err(ChunkError::Value(
            "an index can only have a single ellipsis ('...')".into(),
        ));
    }
    let mut out = Vec::with_capacity(ndim + idx.len());
    let mut seen_ellipsis = false;
    for e in idx {
        if let IndexElem::Ellipsis = e {
            seen_ellipsis = true;
            out.extend(std::iter::repeat_n(IndexElem::FULL, ndim - consumed));
        } else {
            out.push(*e);
        }
    }
    if !seen_ellipsis {
        out.extend(std::iter::repeat_n(IndexElem::FULL, ndim - consumed));
    }
    Ok(out)
}

/// `x[idx]` for basic indices; returns an owned copy.
pub fn slice(c: &Chunk, idx: &[IndexElem]) -> Result<Chunk> {
    let shape = c.shape().to_vec();
    let full = expand_index(idx, shape.len())?;
    let mut info = Vec::with_capacity(full.len());
    let mut axis = 0usize;
    for e in &full {
        match *e {
            IndexElem::NewAxis => info.push(SliceInfoElem::NewAxis),
            IndexElem::Index(i) => {
                let len = shape[axis] as isize;
                let j = if i < 0 { i + len } else { i };
                if j < 0 || j >= len {
                    return Err(ChunkError::IndexOutOfBounds {
                        index: i,
                        axis,
                        size: shape[axis],
                    });
                }
                info.push(SliceInfoElem::Index(j));
                axis += 1;
            }
            IndexElem::Slice { start, stop, step } => {
                let (first, count) = slice_indices(start, stop, step, shape[axis])?;
                info.push(to_ndarray_slice(first, count, step));
                axis += 1;
            }
            IndexElem::Ellipsis => unreachable!("expanded"),
        }
    }
    Ok(dispatch_chunk!(c, a => Elem::into_chunk(a.slice(info.as_slice()).to_owned())))
}

/// ndarray counts a negative step from the end of `start..end`; express the
/// Python selection `first, first+step, ...` (count items) that way.
fn to_ndarray_slice(first: isize, count: usize, step: isize) -> SliceInfoElem {
    if count == 0 {
        return SliceInfoElem::Slice {
            start: 0,
            end: Some(0),
            step: 1,
        };
    }
    let last = first + (count as isize - 1) * step;
    if step > 0 {
        SliceInfoElem::Slice {
            start: first,
            end: Some(last + 1),
            step,
        }
    } else {
        SliceInfoElem::Slice {
            start: last,
            end: Some(first + 1),
            step,
        }
    }
}

/// `np.take(x, indices, axis)`: pick positions along one axis (negative wrap).
pub fn take(c: &Chunk, indices: &[i64], axis: isize) -> Result<Chunk> {
    let ax = norm_axis(axis, c.ndim())?;
    let len = c.shape()[ax];
    let mut idx = Vec::with_capacity(indices.len());
    for &i in indices {
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(ChunkError::IndexOutOfBounds {
                index: i as isize,
                axis: ax,
                size: len,
            });
        }
        idx.push(j as usize);
    }
    Ok(dispatch_chunk!(c, a => Elem::into_chunk(a.select(Axis(ax), &idx))))
}

/// `x[..., mask, ...]`: the positions along `axis` where the 1-D boolean
/// `mask` is true (NumPy's error when the lengths differ).
pub fn mask_axis(c: &Chunk, mask: &Chunk, axis: usize) -> Result<Chunk> {
    let m = mask
        .as_array::<bool>()
        .filter(|m| m.ndim() == 1)
        .ok_or_else(|| ChunkError::DType("mask must be a 1-D boolean array".into()))?;
    let len = *c.shape().get(axis).ok_or_else(|| {
        ChunkError::Value(format!(
            "too many indices for array: array is {}-dimensional, but {} were indexed",
            c.ndim(),
            axis + 1
        ))
    })?;
    if m.len() != len {
        return Err(ChunkError::Value(format!(
            "boolean index did not match indexed array along axis {axis}; size of axis is {len} but size of corresponding boolean axis is {}",
            m.len()
        )));
    }
    let picks: Vec<i64> = m
        .iter()
        .enumerate()
        .filter(|(_, &b)| b)
        .map(|(i, _)| i as i64)
        .collect();
    take(c, &picks, axis as isize)
}

/// `x[mask]` for a boolean mask covering the leading `mask.ndim` axes: the
/// selected sub-arrays stacked along one new first axis (1-D for a full mask).
pub fn mask_select(c: &Chunk, mask: &Chunk) -> Result<Chunk> {
    let m = mask
        .as_array::<bool>()
        .ok_or_else(|| ChunkError::DType("mask must be a boolean array".into()))?;
    let shape = c.shape();
    if m.ndim() > shape.len() {
        return Err(ChunkError::Value(format!(
            "too many indices for array: array is {}-dimensional, but {} were indexed",
            shape.len(),
            m.ndim()
        )));
    }
    for (i, (&ms, &s)) in m.shape().iter().zip(shape).enumerate() {
        if ms != s {
            return Err(ChunkError::Value(format!(
                "boolean index did not match indexed array along axis {i}; size of axis is {s} but size of corresponding boolean axis is {ms}"
            )));
        }
    }
    let k = m.ndim();
    if k == shape.len() {
        // One element per mask entry: filter in a single pass.
        if let Some(ms) = m.as_slice() {
            return Ok(dispatch_chunk!(c, a => {
                let std = a.as_standard_layout();
                let flat = std.as_slice().expect("standard layout");
                let v: Vec<_> = flat
                    .iter()
                    .zip(ms)
                    .filter_map(|(&x, &keep)| keep.then_some(x))
                    .collect();
                let n = v.len();
                Elem::into_chunk(ArrayD::from_shape_vec(IxDyn(&[n]), v).expect("shape"))
            }));
        }
    }
    let rest: Vec<usize> = shape[k..].to_vec();
    let inner: usize = rest.iter().product();
    let picks: Vec<usize> = m
        .iter()
        .enumerate()
        .filter(|(_, &b)| b)
        .map(|(i, _)| i)
        .collect();
    let mut out_shape = vec![picks.len()];
    out_shape.extend_from_slice(&rest);
    check_alloc(&out_shape, c.dtype())?;
    Ok(dispatch_chunk!(c, a => {
        let std = a.as_standard_layout();
        let flat = std.as_slice().expect("standard layout");
        let mut v = Vec::with_capacity(picks.len() * inner);
        for &p in &picks {
            v.extend_from_slice(&flat[p * inner..(p + 1) * inner]);
        }
        Elem::into_chunk(ArrayD::from_shape_vec(IxDyn(&out_shape), v).expect("shape"))
    }))
}

/// `np.transpose(x, axes)`; None reverses the axes.
pub fn transpose(c: &Chunk, axes: Option<&[isize]>) -> Result<Chunk> {
    let nd = c.ndim();
    let perm: Vec<usize> = match axes {
        None => (0..nd).rev().collect(),
        Some(list) => {
            if list.len() != nd {
                return Err(ChunkError::Value("axes don't match array".into()));
            }
            let mut p = Vec::with_capacity(nd);
            for &a in list {
                let ax = norm_axis(a, nd)?;
                if p.contains(&ax) {
                    return Err(ChunkError::Value("repeated axis in transpose".into()));
                }
                p.push(ax);
            }
            p
        }
    };
    Ok(
        dispatch_chunk!(c, a => Elem::into_chunk(a.view().permuted_axes(IxDyn(&perm)).as_standard_layout().into_owned())),
    )
}

/// Resolve one `-1` in a requested shape against `size` elements.
pub fn resolve_shape(size: usize, shape: &[isize]) -> Result<Vec<usize>> {
    let unknown: Vec<usize> = (0..shape.len()).filter(|&i| shape[i] == -1).collect();
    let shown = || {
        let parts: Vec<String> = shape
            .iter()
            .map(|&d| {
                if d == -1 {
                    "newaxis".to_string()
                } else {
                    d.to_string()
                }
            })
            .collect();
        if parts.len() == 1 {
            format!("({},)", parts[0])
        } else {
            format!("({})", parts.join(","))
        }
    };
    let err = || {
        ChunkError::Value(format!(
            "cannot reshape array of size {size} into shape {}",
            shown()
        ))
    };
    if unknown.len() > 1 {
        return Err(ChunkError::Value(
            "can only specify one unknown dimension".into(),
        ));
    }
    if shape.iter().any(|&d| d < -1) {
        return Err(ChunkError::Value("negative dimensions not allowed".into()));
    }
    let known: usize = shape
        .iter()
        .filter(|&&d| d >= 0)
        .map(|&d| d as usize)
        .product();
    let mut out: Vec<usize> = shape.iter().map(|&d| d.max(0) as usize).collect();
    if let Some(&u) = unknown.first() {
        if known == 0 || !size.is_multiple_of(known) {
            return Err(err());
        }
        out[u] = size / known;
    } else if known != size {
        return Err(err());
    }
    Ok(out)
}

/// `np.reshape(x, shape)` in C order; one entry may be -1.
pub fn reshape(c: &Chunk, shape: &[isize]) -> Result<Chunk> {
    let out = resolve_shape(c.size(), shape)?;
    Ok(dispatch_chunk!(c, a => {
        let std = a.as_standard_layout();
        Elem::into_chunk(
            ArrayD::from_shape_vec(IxDyn(&out), std.iter().copied().collect()).expect("size checked"),
        )
    }))
}

/// Error text for mismatched shapes, shared by concatenate/assemble.
pub(crate) fn mismatch(what: &str, a: &[usize], b: &[usize]) -> ChunkError {
    ChunkError::Shape(format!("{what}: {} vs {}", shape_str(a), shape_str(b)))
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
