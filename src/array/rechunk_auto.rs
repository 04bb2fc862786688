//! The chunks a `rechunk` request means, with Dask's rules: axes not named
//! (or given `None`) keep their blocks, `-1` is one block, and `'auto'` axes
//! grow or shrink the *current* blocks towards `array.chunk-size` bytes
//! (Dask's `auto_chunks` with `previous_chunks`, ported step by step so the
//! sizes match).

use super::chunks::{blocks_of, normalize_with_limit, AxisSpec, ChunkSpec, AUTO_CHUNK_BYTES};
use super::error::ArrayError;
use std::collections::{BTreeMap, BTreeSet};

/// One axis of a rechunk request.
#[derive(Clone, Debug, PartialEq)]
pub enum RechunkAxis {
    /// Keep the current blocks (`None`, or an axis a dict leaves out).
    Keep,
    /// A chunk request as for creation (`100`, `-1`, `'auto'`, a tuple).
    Spec(AxisSpec),
}

/// Dask's `dask.config` `array.chunk-size-tolerance`.
pub(super) const TOLERANCE: f64 = 1.25;

/// An entry of Dask's `median_chunks`/`result` dicts: a size or block sizes.
#[derive(Clone, Debug)]
enum Val {
    Num(f64),
    Tup(Vec<usize>),
}

impl Val {
    fn size(&self) -> f64 {
        match self {
            Val::Num(x) => *x,
            Val::Tup(v) => v.iter().copied().max().unwrap_or(0) as f64,
        }
    }
    fn truthy(&self) -> bool {
        match self {
            Val::Num(x) => *x != 0.0,
            Val::Tup(v) => !v.is_empty(),
        }
    }
}

fn median(v: &[usize]) -> f64 {
    let mut s = v.to_vec();
    s.sort_unstable();
    let n = s.len();
    if n == 0 {
        return 0.0;
    }
    if !n.is_multiple_of(2) {
        s[n / 2] as f64
    } else {
        (s[n / 2 - 1] as f64 + s[n / 2] as f64) / 2.0
    }
}

fn multiplier(limit: f64, itemsize: f64, largest: f64, m: &BTreeMap<usize, Val>) -> f64 {
    let prod: f64 = m.values().filter(|v| v.truthy()).map(Val::size).product();
    limit / itemsize / largest / prod
}

/// Dask's `round_to`: `c` itself (at least 1) when it fits in `s`, else the
/// largest multiple of `s` below it.
fn round_to(c: f64, s: f64) -> f64 {
    if c <= s {
        (c as i64).max(1) as f64
    } else {
        (c / s).floor() * s
    }
}

/// The most common block size, when it is > 1 and covers half the blocks;
/// else the axis length (Dask's `ideal_shape`).
fn ideal(prev: &[usize], dim: usize) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &c in prev {
        match counts.iter_mut().find(|(v, _)| *v == c) {
            Some(e) => e.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    let mut best = (0usize, 0usize);
    for &(v, n) in &counts {
        if n > best.1 {
            best = (v, n);
        }
    }
    if best.0 > 1 && best.1 as f64 >= prev.len() as f64 / 2.0 {
        best.0
    } else {
        dim
    }
}

/// Block sizes per axis for `rechunk(request)` of an array with blocks
/// `prev`, shape `shape` and `itemsize`-byte elements.
pub fn rechunk_chunks(
    request: &[RechunkAxis],
    prev: &[Vec<usize>],
    shape: &[usize],
    itemsize: usize,
) -> Result<Vec<Vec<usize>>, ArrayError> {
    rechunk_chunks_with_limit(request, prev, shape, itemsize, AUTO_CHUNK_BYTES)
}

/// As [`rechunk_chunks`], with an explicit byte target for `'auto'` axes.
pub fn rechunk_chunks_with_limit(
    request: &[RechunkAxis],
    prev: &[Vec<usize>],
    shape: &[usize],
    itemsize: usize,
    limit_bytes: u64,
) -> Result<Vec<Vec<usize>>, ArrayError> {
    if request.len() != shape.len() || prev.len() != shape.len() {
        return Err(ArrayError::Chunks(format!(
            "Chunks and shape must be of the same length/dimension. Got chunks={} entries, shape={:?}",
            request.len(),
            shape
        )));
    }
    if prev.iter().any(|p| p.contains(&super::UNKNOWN)) {
        return Err(super::mask::unknown_message("rechunk"));
    }
    let mut axes: Vec<AxisSpec> = request
        .iter()
        .zip(prev)
        .map(|(r, p)| match r {
            RechunkAxis::Keep => AxisSpec::Explicit(p.clone()),
            RechunkAxis::Spec(s) => s.clone(),
        })
        .collect();
    for (a, &dim) in axes.iter_mut().zip(shape) {
        if *a == AxisSpec::Auto && dim == 0 {
            *a = AxisSpec::Full;
        }
    }
    let autos: Vec<usize> = (0..axes.len())
        .filter(|&i| axes[i] == AxisSpec::Auto)
        .collect();
    if autos.is_empty() {
        return normalize_with_limit(&ChunkSpec::PerAxis(axes), shape, itemsize, limit_bytes);
    }
    let mut largest: f64 = axes
        .iter()
        .zip(shape)
        .map(|(a, &dim)| match a {
            AxisSpec::Size(n) => *n as f64,
            AxisSpec::Full => dim as f64,
            AxisSpec::Explicit(v) => v.iter().copied().max().unwrap_or(0) as f64,
            AxisSpec::Auto => 1.0,
        })
        .product();
    let limit = (limit_bytes.max(1)) as f64;
    let item = itemsize.max(1) as f64;
    let mut med: BTreeMap<usize, Val> = autos
        .iter()
        .map(|&a| (a, Val::Num(median(&prev[a]))))
        .collect();
    let mut mult = multiplier(limit, item, largest, &med);
    // Dask's `result = median_chunks` in the shrinking case: one shared dict.
    let aliased = mult < 1.0;
    let mut result: BTreeMap<usize, Val> = if aliased {
        med.clone()
    } else {
        BTreeMap::new()
    };
    let ideal_shape: Vec<usize> = prev.iter().zip(shape).map(|(p, &d)| ideal(p, d)).collect();
    let mut live: BTreeSet<usize> = autos.iter().copied().collect();
    let mut remaining = true;
    let mut rounds = 0;
    while remaining && rounds < 1000 {
        rounds += 1;
        let n_live = live.len().max(1) as f64;
        remaining = false;
        let set = |a: usize,
                   v: Val,
                   result: &mut BTreeMap<usize, Val>,
                   med: &mut BTreeMap<usize, Val>| {
            if aliased {
                med.insert(a, v.clone());
            }
            result.insert(a, v);
        };
        for a in live.clone() {
            let this_mult = mult.powf(1.0 / n_live);
            let proposed = med.get(&a).map_or(0.0, Val::size) * this_mult;
            let max_chunk = proposed * TOLERANCE.powf(1.0 / n_live);
            if proposed > shape[a] as f64 {
                live.remove(&a);
                med.remove(&a);
                if aliased {
                    result.remove(&a);
                }
                remaining = true;
                largest *= shape[a] as f64;
                set(a, Val::Tup(vec![shape[a]]), &mut result, &mut med);
            } else if aliased || prev[a].iter().copied().max().unwrap_or(0) as f64 > max_chunk {
                set(
                    a,
                    Val::Num(round_to(proposed, ideal_shape[a] as f64)),
                    &mut result,
                    &mut med,
                );
                if proposed < 1.0 {
                    remaining = true;
                    live.remove(&a);
                }
            } else {
                let mut dims = Vec::new();
                let mut cur = 0usize;
                for &c in &prev[a] {
                    if (c + cur) as f64 <= proposed {
                        cur += c;
                    } else {
                        if cur > 0 {
                            dims.push(cur);
                        }
                        cur = c;
                    }
                }
                if cur > 0 {
                    dims.push(cur);
                }
                set(a, Val::Tup(dims), &mut result, &mut med);
            }
        }
        if remaining || aliased {
            let last = mult;
            mult = multiplier(limit, item, largest, &med);
            if mult != last {
                remaining = true;
            }
        }
    }
    for a in autos {
        axes[a] = match result.get(&a) {
            Some(Val::Tup(v)) if !v.is_empty() && v.iter().sum::<usize>() == shape[a] => {
                AxisSpec::Explicit(v.clone())
            }
            Some(Val::Num(x)) => AxisSpec::Explicit(blocks_of(shape[a], (*x as usize).max(1))),
            _ => AxisSpec::Explicit(prev[a].clone()),
        };
    }
    normalize_with_limit(&ChunkSpec::PerAxis(axes), shape, itemsize, limit_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto2(shape: &[usize], prev: &[usize]) -> Vec<Vec<usize>> {
        let p: Vec<Vec<usize>> = shape
            .iter()
            .zip(prev)
            .map(|(&s, &c)| blocks_of(s, c))
            .collect();
        let req = vec![RechunkAxis::Spec(AxisSpec::Auto); shape.len()];
        rechunk_chunks(&req, &p, shape, 8).unwrap()
    }

    // Expected chunks printed by dask 2026.8 (`x.rechunk('auto')`, float64).
    #[test]
    fn auto_grows_the_current_blocks_like_dask() {
        assert_eq!(
            auto2(&[1000, 1000], &[10, 10]),
            vec![vec![1000], vec![1000]]
        );
        let r = auto2(&[20000, 20000], &[100, 100]);
        assert_eq!(r[0], vec![4000; 5]);
        assert_eq!(r[1], vec![4000; 5]);
        assert_eq!(
            auto2(&[50000, 300], &[1000, 300]),
            vec![vec![50000], vec![300]]
        );
        let r = auto2(&[20000, 20000], &[100, 7000]);
        assert_eq!(&r[0][..3], &[800, 800, 800]);
        assert_eq!(r[1], vec![20000]);
    }

    #[test]
    fn dict_forms_keep_other_axes() {
        let p = vec![blocks_of(20000, 100), blocks_of(20000, 100)];
        let req = vec![RechunkAxis::Spec(AxisSpec::Auto), RechunkAxis::Keep];
        let r = rechunk_chunks(&req, &p, &[20000, 20000], 8).unwrap();
        assert_eq!(r[0], vec![20000]);
        assert_eq!(r[1], p[1]);
        let req = vec![
            RechunkAxis::Spec(AxisSpec::Auto),
            RechunkAxis::Spec(AxisSpec::Size(1000)),
        ];
        let r = rechunk_chunks(&req, &p, &[20000, 20000], 8).unwrap();
        assert_eq!(r[0], vec![16700, 3300]);
        let req = vec![RechunkAxis::Keep, RechunkAxis::Spec(AxisSpec::Full)];
        let r = rechunk_chunks(&req, &p, &[20000, 20000], 8).unwrap();
        assert_eq!(r[1], vec![20000]);
    }
}
