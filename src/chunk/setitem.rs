//! Assignment into an array in place: `dst[places] = value` for basic and
//! one-axis integer-list selections, and `dst[mask] = value` for a boolean
//! mask of the array's shape. NumPy's `__setitem__` rules: the value is cast
//! to the target's dtype with 'unsafe' casting and broadcast to the shape of
//! the selection (leading length-1 axes of the value are dropped first).

use super::blocks::Sel;
use super::error::{ChunkError, Result};
use super::kernel::shape_str;
use super::{Chunk, Elem};
use ndarray::{ArrayD, Axis, IxDyn, SliceInfo, SliceInfoElem};

/// Where one axis of an assignment lands (positions are already in bounds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// One position; the axis is not part of the selection's shape.
    At(usize),
    /// `len` positions `start, start+step, …` (`step` non-zero, may be negative).
    Range {
        /// First position.
        start: usize,
        /// Step.
        step: isize,
        /// How many positions.
        len: usize,
    },
    /// Integer positions along this axis (NumPy advanced indexing); at most one per key.
    List(Vec<usize>),
}

/// Where the list axis goes in the selection's shape (`None` without a list): NumPy puts the
/// advanced dimension in place when the list and the integer indices are
/// next to each other, and first otherwise.
pub fn advanced_dim(places: &[Place]) -> Option<usize> {
    places.iter().position(|p| matches!(p, Place::List(_)))?;
    let adv: Vec<usize> = (0..places.len())
        .filter(|&i| !matches!(places[i], Place::Range { .. }))
        .collect();
    let contiguous = adv.windows(2).all(|w| w[1] == w[0] + 1);
    if !contiguous {
        return Some(0);
    }
    Some(
        places[..adv[0]]
            .iter()
            .filter(|p| matches!(p, Place::Range { .. }))
            .count(),
    )
}

/// The shape a value must broadcast to for `dst[places] = value`.
pub fn selection_shape(places: &[Place]) -> Vec<usize> {
    let mut shape: Vec<usize> = places
        .iter()
        .filter_map(|p| match p {
            Place::Range { len, .. } => Some(*len),
            _ => None,
        })
        .collect();
    if let Some(d) = advanced_dim(places) {
        let n = places
            .iter()
            .find_map(|p| match p {
                Place::List(v) => Some(v.len()),
                _ => None,
            })
            .unwrap_or(0);
        shape.insert(d, n);
    }
    shape
}

/// A shape as NumPy's assignment messages print it: `(3,)`, `(2,4)`.
fn compact(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// `value` cast to `dtype` and broadcast to `shape`, with NumPy's messages.
fn prepare(value: &Chunk, shape: &[usize], dtype: super::DType, advanced: bool) -> Result<Chunk> {
    let err = || {
        ChunkError::Value(if advanced {
            format!(
                "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
                compact(value.shape()),
                compact(shape)
            )
        } else {
            format!(
                "could not broadcast input array from shape {} into shape {}",
                compact(value.shape()),
                compact(shape)
            )
        })
    };
    let vs = value.shape();
    let extra = vs.len().saturating_sub(shape.len());
    if vs[..extra].iter().any(|&n| n != 1) {
        return Err(err());
    }
    let trimmed = &vs[extra..];
    let fits = trimmed
        .iter()
        .rev()
        .zip(shape.iter().rev())
        .all(|(&v, &s)| v == s || v == 1);
    if !fits {
        return Err(err());
    }
    let v = if extra > 0 {
        super::reshape(
            value,
            &trimmed.iter().map(|&n| n as isize).collect::<Vec<_>>(),
        )?
    } else {
        value.clone()
    };
    v.astype(dtype)?.broadcast_to(shape)
}

fn check_places(shape: &[usize], places: &[Place]) -> Result<()> {
    if places.len() != shape.len() {
        return Err(ChunkError::Shape(format!(
            "assignment: {} places for a {}-d array",
            places.len(),
            shape.len()
        )));
    }
    let lists = places
        .iter()
        .filter(|p| matches!(p, Place::List(_)))
        .count();
    if lists > 1 {
        return Err(ChunkError::Shape(
            "assignment: at most one integer list per key".into(),
        ));
    }
    for (ax, (p, &n)) in places.iter().zip(shape).enumerate() {
        let bad = match p {
            Place::At(i) => *i >= n,
            Place::Range { len: 0, .. } => false,
            Place::Range { start, step, len } => {
                let last = *start as isize + (*len as isize - 1) * step;
                *step == 0 || *start >= n || last < 0 || last as usize >= n
            }
            Place::List(v) => v.iter().any(|&i| i >= n),
        };
        if bad {
            return Err(ChunkError::Shape(format!(
                "assignment: position out of bounds on axis {ax}"
            )));
        }
    }
    Ok(())
}

fn info(
    places: &[Place],
    list_at: Option<usize>,
) -> Result<SliceInfo<Vec<SliceInfoElem>, IxDyn, IxDyn>> {
    let elems: Vec<SliceInfoElem> = places
        .iter()
        .map(|p| {
            super::blocks::sel_elem(&match p {
                Place::At(i) => Sel::At(*i),
                Place::Range { start, step, len } => Sel::Range {
                    start: *start,
                    step: *step,
                    len: *len,
                },
                Place::List(_) => Sel::At(list_at.unwrap_or(0)),
            })
        })
        .collect();
    SliceInfo::try_from(elems).map_err(|e| ChunkError::Shape(e.to_string()))
}

fn write<T: Elem>(
    d: &mut ArrayD<T>,
    places: &[Place],
    v: &Chunk,
    adv: Option<usize>,
) -> Result<()> {
    let v = T::array(v).ok_or_else(|| ChunkError::DType("assignment: value dtype".into()))?;
    match (
        adv,
        places.iter().find_map(|p| match p {
            Place::List(l) => Some(l),
            _ => None,
        }),
    ) {
        (Some(dim), Some(list)) => {
            for (j, &i) in list.iter().enumerate() {
                let inf = info(places, Some(i))?;
                d.slice_mut(inf.as_ref())
                    .assign(&v.index_axis(Axis(dim), j));
            }
        }
        _ => {
            let inf = info(places, None)?;
            d.slice_mut(inf.as_ref()).assign(v);
        }
    }
    Ok(())
}

/// `dst[places] = value`: one place per axis of `dst` (in bounds; checked).
pub fn assign(dst: &mut Chunk, places: &[Place], value: &Chunk) -> Result<()> {
    check_places(dst.shape(), places)?;
    let shape = selection_shape(places);
    let adv = advanced_dim(places);
    let v = prepare(value, &shape, dst.dtype(), adv.is_some())?;
    dispatch_chunk!(dst, d => write(d, places, &v, adv))
}

fn write_mask<T: Elem>(d: &mut ArrayD<T>, m: &ArrayD<bool>, v: &Chunk) -> Result<()> {
    let v = T::array(v).ok_or_else(|| ChunkError::DType("assignment: value dtype".into()))?;
    let single = v.len() == 1;
    let mut vals = v.iter();
    let first = v.iter().next().copied();
    for (x, &keep) in d.iter_mut().zip(m.iter()) {
        if keep {
            *x = if single {
                first.unwrap_or_default()
            } else {
                *vals.next().unwrap_or(&T::default())
            };
        }
    }
    Ok(())
}

/// `dst[mask] = value` for a boolean `mask` of `dst`'s shape: `value` is a
/// scalar, or 0-d/1-d with one element or one per true entry (NumPy's rule).
pub fn assign_mask(dst: &mut Chunk, mask: &Chunk, value: &Chunk) -> Result<()> {
    let m = mask
        .as_array::<bool>()
        .ok_or_else(|| ChunkError::DType("mask must be a boolean array".into()))?;
    if m.shape() != dst.shape() {
        return Err(ChunkError::Shape(format!(
            "assignment: mask of shape {} for an array of shape {}",
            shape_str(m.shape()),
            shape_str(dst.shape())
        )));
    }
    if value.ndim() > 1 {
        return Err(ChunkError::DType(format!(
            "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {} dimensions",
            value.ndim()
        )));
    }
    let count = m.iter().filter(|&&b| b).count();
    if value.size() != 1 && value.size() != count {
        return Err(ChunkError::Value(format!(
            "NumPy boolean array indexing assignment cannot assign {} input values to the {count} output values where the mask is true",
            value.size()
        )));
    }
    let v = value.astype(dst.dtype())?;
    dispatch_chunk!(dst, d => write_mask(d, m, &v))
}

#[cfg(test)]
#[path = "setitem_tests.rs"]
mod tests;
