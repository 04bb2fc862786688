//! Kernels that look at values as a set or a histogram of integers:
//! `np.isin`, `np.unique` (with counts) and `np.bincount`, plus the merge
//! steps the lazy versions use to combine per-block results.

use super::error::{ChunkError, Result};
use super::kernel::check_alloc;
use super::{concatenate, reshape, Chunk, DType, Elem};
use ndarray::{ArrayD, IxDyn};
use std::cmp::Ordering;

/// NumPy's sort order: NaN after every number, NaNs equal to each other.
pub(crate) fn cmp_nan_last<T: Elem>(a: &T, b: &T) -> Ordering {
    a.partial_cmp(b)
        .unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
}

/// `np.isin(element, test, invert=...)`: a bool array shaped like `element`,
/// true where the value occurs anywhere in `test` (NaN matches nothing).
pub fn isin(element: &Chunk, test: &Chunk, invert: bool) -> Result<Chunk> {
    let dt = DType::promote(element.dtype(), test.dtype());
    let e = element.cast_ref(dt)?;
    let t = test.cast_ref(dt)?;
    check_alloc(element.shape(), DType::Bool)?;
    Ok(with_dtype!(dt, T => {
        let ea = T::array(&e).expect("cast");
        let mut set: Vec<T> = T::array(&t).expect("cast").iter().copied().filter(|v| !v.is_nan()).collect();
        set.sort_by(cmp_nan_last);
        set.dedup();
        let out = ea.map(|v| {
            let found = !v.is_nan() && set.binary_search_by(|s| cmp_nan_last(s, v)).is_ok();
            found != invert
        });
        Chunk::Bool(out)
    }))
}

/// Sorted distinct values of `values` (flattened) and how often each occurs:
/// `counts` gives a weight per element (a partial count from an earlier
/// block), or 1 each when None. NaNs collapse into one entry at the end, as
/// in NumPy 2 (`equal_nan=True`). Counts are int64.
pub fn unique_counts(values: &Chunk, counts: Option<&Chunk>) -> Result<(Chunk, Chunk)> {
    let flat = reshape(values, &[-1])?;
    let weights: Vec<i64> = match counts {
        None => vec![1; flat.size()],
        Some(c) => {
            if c.size() != flat.size() {
                return Err(ChunkError::Shape(
                    "unique: counts do not match the values".into(),
                ));
            }
            c.to_typed::<i64>().iter().copied().collect()
        }
    };
    dispatch_chunk!(&flat, a => {
        let mut pairs: Vec<_> = a.iter().copied().zip(weights.iter().copied()).collect();
        pairs.sort_by(|x, y| cmp_nan_last(&x.0, &y.0));
        let mut vals = Vec::new();
        let mut cnts: Vec<i64> = Vec::new();
        for (v, w) in pairs {
            match vals.last() {
                Some(last) if cmp_nan_last(last, &v) == Ordering::Equal => {
                    *cnts.last_mut().expect("paired") += w;
                }
                _ => {
                    vals.push(v);
                    cnts.push(w);
                }
            }
        }
        let n = vals.len();
        Ok((Chunk::from_vec(vals, &[n])?, Chunk::from_vec(cnts, &[n])?))
    })
}

/// [`unique_counts`] over several partial results (values, counts), as the
/// last step of a lazy `unique`.
pub fn unique_merge(values: &[Chunk], counts: &[Chunk]) -> Result<(Chunk, Chunk)> {
    let v = concatenate(values, 0)?;
    let c = concatenate(counts, 0)?;
    unique_counts(&v, Some(&c))
}

/// `np.bincount(x, weights, minlength)`: how often each non-negative integer
/// occurs in the 1-D `x` (int64), or the sum of `weights` per value (float64).
pub fn bincount(x: &Chunk, weights: Option<&Chunk>, minlength: usize) -> Result<Chunk> {
    if x.ndim() != 1 {
        return Err(ChunkError::Value(
            if x.ndim() == 0 {
                "object of too small depth for desired array"
            } else {
                "object too deep for desired array"
            }
            .into(),
        ));
    }
    let idx = x.to_typed::<i64>();
    if idx.iter().any(|&v| v < 0) {
        return Err(ChunkError::Value(
            "'list' argument must have no negative elements".into(),
        ));
    }
    let len = idx
        .iter()
        .max()
        .map_or(0, |&m| (m as usize).saturating_add(1))
        .max(minlength);
    match weights {
        None => {
            check_alloc(&[len], DType::Int64)?;
            let mut out = vec![0i64; len];
            for &v in idx.iter() {
                out[v as usize] += 1;
            }
            Chunk::from_vec(out, &[len])
        }
        Some(w) => {
            if w.shape() != x.shape() {
                return Err(ChunkError::Value(
                    "The weights and list don't have the same length.".into(),
                ));
            }
            check_alloc(&[len], DType::Float64)?;
            let w = w.to_typed::<f64>();
            let mut out = vec![0f64; len];
            for (&v, &wt) in idx.iter().zip(w.iter()) {
                out[v as usize] += wt;
            }
            Chunk::from_vec(out, &[len])
        }
    }
}

/// The elementwise sum of 1-D count arrays of different lengths (shorter
/// ones padded with zeros), at least `minlength` long: how per-block
/// `bincount`s combine.
pub fn add_padded(parts: &[&Chunk], minlength: usize, dtype: DType) -> Result<Chunk> {
    let len = parts
        .iter()
        .map(|c| c.size())
        .max()
        .unwrap_or(0)
        .max(minlength);
    check_alloc(&[len], dtype)?;
    with_dtype!(dtype, T => {
        let mut out = vec![T::default(); len];
        for p in parts {
            let p = p.to_typed::<T>();
            for (o, &v) in out.iter_mut().zip(p.iter()) {
                *o = add_elem(*o, v);
            }
        }
        Ok(T::into_chunk(ArrayD::from_shape_vec(IxDyn(&[len]), out).expect("len")))
    })
}

fn add_elem<T: Elem>(a: T, b: T) -> T {
    match T::DTYPE {
        DType::Float32 | DType::Float64 => T::from_f64(a.to_f64() + b.to_f64()),
        DType::Bool => T::from_bool(a.to_bool() || b.to_bool()),
        DType::UInt64 | DType::UInt32 | DType::UInt16 | DType::UInt8 => {
            T::from_u64(a.to_u64().wrapping_add(b.to_u64()))
        }
        _ => T::from_i64(a.to_i64().wrapping_add(b.to_i64())),
    }
}

#[cfg(test)]
#[path = "setops_tests.rs"]
mod tests;
