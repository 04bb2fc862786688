//! Item assignment `x[key] = value` as Dask's `setitem_array` builds it: a new
//! array of the same shape, chunks and dtype whose blocks either pass the
//! input block through or, where the key touches the block, assign the part
//! of the value that lands there. The key is one [`Place`] per axis (integers,
//! slices with any step, at most one integer list); the value is broadcast to
//! the selection and cast to the array's dtype.

use super::elementwise::astype;
use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use crate::chunk::blocks::{assemble, sub};
use crate::chunk::setitem::{advanced_dim, assign, selection_shape, Place};
use crate::chunk::{shape_str, Chunk, ChunkError};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// Start of each block along one axis, plus the axis length at the end.
fn bounds(c: &[usize]) -> Vec<usize> {
    let mut v = Vec::with_capacity(c.len() + 1);
    let mut acc = 0;
    v.push(0);
    for &n in c {
        acc += n;
        v.push(acc);
    }
    v
}

/// What one place becomes inside the block `[lo, hi)` of its axis, and the
/// positions of the selection it covers there; `None` when it misses the block.
fn local(p: &Place, lo: usize, hi: usize) -> Option<(Place, Vec<usize>)> {
    match p {
        Place::At(i) => (lo..hi)
            .contains(i)
            .then(|| (Place::At(i - lo), Vec::new())),
        Place::Range { start, step, len } => {
            let (s, st, n) = (*start as i64, *step as i64, *len as i64);
            let (lo, hi) = (lo as i64, hi as i64 - 1);
            if n == 0 {
                return None;
            }
            let (first, last) = if st > 0 {
                (
                    (lo - s + st - 1).div_euclid(st).max(0),
                    (hi - s).div_euclid(st).min(n - 1),
                )
            } else {
                let a = -st;
                (
                    (s - hi + a - 1).div_euclid(a).max(0),
                    (s - lo).div_euclid(a).min(n - 1),
                )
            };
            (first <= last).then(|| {
                (
                    Place::Range {
                        start: (s + first * st - lo) as usize,
                        step: *step,
                        len: (last - first + 1) as usize,
                    },
                    (first as usize..=last as usize).collect(),
                )
            })
        }
        Place::List(v) => {
            let hit: Vec<usize> = (0..v.len()).filter(|&j| (lo..hi).contains(&v[j])).collect();
            (!hit.is_empty()).then(|| (Place::List(hit.iter().map(|&j| v[j] - lo).collect()), hit))
        }
    }
}

pub(super) struct SetItem {
    places: Vec<Place>,
    /// Block bounds of the array, per axis.
    bounds: Vec<Vec<usize>>,
    /// Block bounds of the value, per axis.
    vbounds: Vec<Vec<usize>>,
    vmeta: Meta,
    /// Number of selection dimensions (the value is right-aligned to them).
    sel_ndim: usize,
}

/// The block's part of the key: local places, and per selection dimension
/// the selection positions it covers.
struct Touch {
    places: Vec<Place>,
    positions: Vec<Vec<usize>>,
}

impl SetItem {
    fn touch(&self, idx: &[u32]) -> Option<Touch> {
        let mut places = Vec::with_capacity(self.places.len());
        let mut basic = Vec::new();
        let mut list = None;
        for (ax, p) in self.places.iter().enumerate() {
            let b = &self.bounds[ax];
            let i = idx[ax] as usize;
            let (lp, pos) = local(p, b[i], b[i + 1])?;
            match p {
                Place::Range { .. } => basic.push(pos),
                Place::List(_) => list = Some(pos),
                Place::At(_) => {}
            }
            places.push(lp);
        }
        let mut positions = basic;
        if let Some(l) = list {
            // Where the list's dimension sits in the selection (NumPy's rule).
            let dim = advanced_dim(&self.places).unwrap_or(0);
            positions.insert(dim, l);
        }
        Some(Touch { places, positions })
    }

    /// Per value axis, the range of value positions this block needs.
    fn value_ranges(&self, t: &Touch) -> Vec<(usize, usize)> {
        let vshape = &self.vmeta.shape;
        let extra = vshape.len().saturating_sub(self.sel_ndim);
        vshape
            .iter()
            .enumerate()
            .map(|(d, &n)| {
                if d < extra || n == 1 {
                    return (0, 1);
                }
                let pos = &t.positions[d + self.sel_ndim - vshape.len()];
                let lo = pos.iter().copied().min().unwrap_or(0);
                let hi = pos.iter().copied().max().map_or(0, |m| m + 1);
                (lo, hi)
            })
            .collect()
    }

    /// Value blocks covering `ranges`, as index ranges per axis.
    fn value_grid(&self, ranges: &[(usize, usize)]) -> Vec<(usize, usize)> {
        ranges
            .iter()
            .zip(&self.vbounds)
            .map(|(&(lo, hi), b)| {
                let first = b.partition_point(|&s| s <= lo).saturating_sub(1);
                let last = b.partition_point(|&s| s < hi.max(lo + 1)).saturating_sub(1);
                (first, last.max(first) + 1)
            })
            .collect()
    }
}

/// C-order walk over a grid of index ranges.
fn grid_indices(grid: &[(usize, usize)]) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new()];
    for &(a, b) in grid {
        out = out
            .into_iter()
            .flat_map(|p| {
                (a..b).map(move |i| {
                    let mut q = p.clone();
                    q.push(i as u32);
                    q
                })
            })
            .collect();
    }
    out
}

impl BlockPlan for SetItem {
    fn name(&self) -> &str {
        "setitem"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut r = vec![(0, idx.to_vec())];
        if let Some(t) = self.touch(idx) {
            let grid = self.value_grid(&self.value_ranges(&t));
            r.extend(grid_indices(&grid).into_iter().map(|i| (1, i)));
        }
        r
    }
    fn pass_through(&self, idx: &[u32]) -> Option<usize> {
        self.touch(idx).is_none().then_some(0)
    }
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let mut out = inputs[0].clone();
        let Some(t) = self.touch(idx) else {
            return Ok(out);
        };
        let ranges = self.value_ranges(&t);
        let grid = self.value_grid(&ranges);
        let chunks: Vec<Vec<usize>> = grid
            .iter()
            .zip(&self.vmeta.chunks)
            .map(|(&(a, b), c)| c[a..b].to_vec())
            .collect();
        let whole = assemble(&inputs[1..], &chunks, self.vmeta.dtype)?;
        let offset: Vec<usize> = ranges
            .iter()
            .zip(grid.iter().zip(&self.vbounds))
            .map(|(&(lo, _), (&(a, _), b))| lo - b[a])
            .collect();
        let shape: Vec<usize> = ranges.iter().map(|&(lo, hi)| hi - lo).collect();
        let mut piece = sub(&whole, &offset, &shape)?;
        // A list's positions need not be contiguous: keep only this block's.
        let vshape = &self.vmeta.shape;
        for (d, &(lo, _)) in ranges.iter().enumerate() {
            let s = d as isize + self.sel_ndim as isize - vshape.len() as isize;
            if s < 0 || vshape[d] == 1 {
                continue;
            }
            let pos = &t.positions[s as usize];
            let contiguous = pos.windows(2).all(|w| w[1] == w[0] + 1);
            if !contiguous {
                let keep: Vec<i64> = pos.iter().map(|&p| (p - lo) as i64).collect();
                piece = crate::chunk::take(&piece, &keep, d as isize)?;
            }
        }
        assign(&mut out, &t.places, &piece)?;
        Ok(out)
    }
}

/// Dask's checks that `value` broadcasts to the selection of `places` in
/// `x`, with its messages; the value cast to `x`'s dtype.
pub(super) fn checked_value(
    x: &Array,
    places: &[Place],
    value: &Array,
) -> Result<Array, ArrayError> {
    super::mask::require_known(x, "setitem")?;
    super::mask::require_known(value, "setitem")?;
    let m = x.meta();
    if places.len() != m.ndim() {
        return Err(ArrayError::Index("Too many indices for array".into()));
    }
    let sel = selection_shape(places);
    let vshape = value.meta().shape.clone();
    let tuple = |s: &[usize]| shape_str(s);
    if sel.contains(&0) && vshape.iter().any(|&n| n > 1) {
        return Err(ArrayError::Value(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
            tuple(&vshape),
            tuple(&sel)
        )));
    }
    if vshape.len() > sel.len() && vshape[..vshape.len() - sel.len()].iter().any(|&n| n != 1) {
        return Err(ArrayError::Value(format!(
            "could not broadcast input array from shape{} into shape {}",
            tuple(&vshape),
            tuple(&sel)
        )));
    }
    let common = vshape.len().min(sel.len());
    let fits = vshape[vshape.len() - common..]
        .iter()
        .zip(&sel[sel.len() - common..])
        .all(|(&v, &s)| v == 1 || v == s);
    if !fits {
        return Err(ArrayError::Value(format!(
            "shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}",
            tuple(&vshape),
            tuple(&sel)
        )));
    }
    astype(value, m.dtype)
}

impl SetItem {
    /// The plan of `x[places] = value` for an array of metadata `m`.
    pub(super) fn new(places: Vec<Place>, m: &Meta, vmeta: &Meta) -> Self {
        let sel_ndim = selection_shape(&places).len();
        SetItem {
            places,
            bounds: m.chunks.iter().map(|c| bounds(c)).collect(),
            vbounds: vmeta.chunks.iter().map(|c| bounds(c)).collect(),
            vmeta: vmeta.clone(),
            sel_ndim,
        }
    }

    /// Output block `idx` from its input block and the value blocks `reads` named.
    pub(super) fn block(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        self.run(idx, inputs)
    }
}

/// `x[places] = value` (Dask's `Array.__setitem__` for non-mask keys): checks
/// the value broadcasts to the selection with Dask's messages, casts it to
/// `x`'s dtype and builds the O(1) plan.
pub fn setitem(x: &Array, places: &[Place], value: &Array) -> Result<Array, ArrayError> {
    let value = checked_value(x, places, value)?;
    let m = x.meta();
    let plan = SetItem::new(places.to_vec(), m, value.meta());
    let mut t = Tokenizer::new();
    t.str(x.name())
        .str(value.name())
        .str(&format!("{places:?}"));
    Ok(Array::from_op(
        "setitem",
        &t,
        m.clone(),
        Op::Plan {
            plan: Arc::new(plan),
            inputs: vec![x.clone(), value],
        },
    ))
}

#[cfg(test)]
#[path = "setitem_tests.rs"]
mod tests;
