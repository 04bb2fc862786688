//! Partial results for chunk-wise tree reductions: `partial` per block,
//! `combine` groups of partials (fan-in chosen by the caller), `finalize`.
//! Invariant: `finalize(combine(partials of the blocks))` equals the direct
//! reduction of the whole array (up to float rounding order).

use super::error::{ChunkError, Result};
use super::kernel::{norm_axis, shape_str};
use super::lanes::{keepdims_shape, map_lanes, pairwise_sum_by, squeeze_axes};
use super::reduce::ReduceOp;
use super::{Chunk, DType, Elem, Kind};
use ndarray::{ArrayD, Zip};

/// Per-output-element moments {count, total, M2} (M2 = Σ (x − mean)²).
#[derive(Debug, Clone, PartialEq)]
pub struct Moments {
    /// Number of (non-NaN) values.
    pub count: ArrayD<f64>,
    /// Sum of the values.
    pub total: ArrayD<f64>,
    /// Sum of squared deviations from the partial's own mean.
    pub m2: ArrayD<f64>,
}

/// The state a partial reduction carries.
#[derive(Debug, Clone, PartialEq)]
pub enum PartialData {
    /// sum/prod/min/max/any/all (and nan-variants): a keepdims chunk already
    /// in the result dtype (min/max keep the input dtype).
    Plain(Chunk),
    /// mean/var/std (and nan-variants).
    Moments(Moments),
    /// argmin/argmax: best value and its global index (−1 = none yet).
    Arg {
        /// Best value per output element (input dtype).
        values: Chunk,
        /// Global index of that value.
        index: ArrayD<i64>,
    },
}

/// A partial reduction of one block or of a group of blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    /// The reduction.
    pub op: ReduceOp,
    /// Reduced axes (sorted, non-negative).
    pub axes: Vec<usize>,
    /// Input dtype (decides result dtypes at finalize).
    pub in_dtype: DType,
    /// True when no input element contributed (all blocks empty).
    pub empty: bool,
    /// The state.
    pub data: PartialData,
}

/// Partial reduction of a whole chunk (arg indices are local).
pub fn partial(a: &Chunk, op: ReduceOp, axes: &[usize]) -> Result<Partial> {
    partial_at(a, op, axes, None)
}

/// Partial reduction of a block placed at `block_offset` inside an array of
/// `global_shape`; only arg-reductions use the placement (global indices).
pub fn partial_at(
    a: &Chunk,
    op: ReduceOp,
    axes: &[usize],
    place: Option<(&[usize], &[usize])>,
) -> Result<Partial> {
    if a.dtype().is_complex() {
        return Err(ChunkError::DType(format!(
            "{op:?} reductions of lazy complex128 arrays are not supported by Tessera yet"
        )));
    }
    let nd = a.ndim();
    for &ax in axes {
        norm_axis(ax as isize, nd)?;
    }
    if op.is_arg() && axes.len() > 1 && axes.len() != nd {
        return Err(ChunkError::Value(format!(
            "{} accepts only axis=None or a single axis",
            op.name()
        )));
    }
    let mut axes = axes.to_vec();
    axes.sort_unstable();
    axes.dedup();
    let n_red: usize = axes.iter().map(|&i| a.shape()[i]).product();
    let data = dispatch_chunk!(a, x => partial_typed(x, op, &axes, place)?);
    Ok(Partial {
        op,
        axes,
        in_dtype: a.dtype(),
        empty: n_red == 0,
        data,
    })
}

fn partial_typed<T: Elem>(
    x: &ArrayD<T>,
    op: ReduceOp,
    axes: &[usize],
    place: Option<(&[usize], &[usize])>,
) -> Result<PartialData> {
    use ReduceOp::*;
    let nan = op.skips_nan() && T::DTYPE.is_float();
    if let Some(data) = super::outer::try_outer(x, op, axes) {
        return Ok(data);
    }
    Ok(match op {
        Sum | NanSum => PartialData::Plain(sum_lanes(x, axes, nan)),
        Prod | NanProd => PartialData::Plain(prod_lanes(x, axes, nan)),
        Min | Max | NanMin | NanMax => {
            let want_max = matches!(op, Max | NanMax);
            let r = map_lanes(x, axes, |_, l| extreme(l, want_max, nan));
            PartialData::Plain(T::into_chunk(r))
        }
        Any => PartialData::Plain(Chunk::Bool(map_lanes(x, axes, |_, l| {
            l.iter().any(|v| v.to_bool())
        }))),
        All => PartialData::Plain(Chunk::Bool(map_lanes(x, axes, |_, l| {
            l.iter().all(|v| v.to_bool())
        }))),
        Mean | Var | Std | NanMean | NanVar | NanStd => {
            let need_m2 = !matches!(op, Mean | NanMean);
            let r = map_lanes(x, axes, |_, l| moments_lane(l, nan, need_m2));
            PartialData::Moments(Moments {
                count: r.mapv(|m| m.0),
                total: r.mapv(|m| m.1),
                m2: r.mapv(|m| m.2),
            })
        }
        ArgMin | ArgMax | NanArgMin | NanArgMax => {
            let want_max = matches!(op, ArgMax | NanArgMax);
            let r = map_lanes(x, axes, |_, l| arg_lane(l, want_max, nan));
            let values = T::into_chunk(r.mapv(|p| p.0));
            let local = r.mapv(|p| p.1);
            let index = globalize(local, x.shape(), axes, place);
            PartialData::Arg { values, index }
        }
    })
}

fn sum_lanes<T: Elem>(x: &ArrayD<T>, axes: &[usize], nan: bool) -> Chunk {
    match T::DTYPE.kind() {
        Kind::Float => {
            let r = if nan {
                map_lanes(x, axes, |_, l| {
                    pairwise_sum_by(l, |v: T| {
                        let f = v.to_f64();
                        if f.is_nan() {
                            0.0
                        } else {
                            f
                        }
                    })
                })
            } else {
                map_lanes(x, axes, |_, l| pairwise_sum_by(l, |v: T| v.to_f64()))
            };
            T::into_chunk(r.mapv(T::from_f64))
        }
        Kind::UInt => Chunk::U64(map_lanes(x, axes, |_, l| {
            l.iter().fold(0u64, |s, v| s.wrapping_add(v.to_u64()))
        })),
        _ => Chunk::I64(map_lanes(x, axes, |_, l| {
            l.iter().fold(0i64, |s, v| s.wrapping_add(v.to_i64()))
        })),
    }
}

fn prod_lanes<T: Elem>(x: &ArrayD<T>, axes: &[usize], nan: bool) -> Chunk {
    match T::DTYPE.kind() {
        Kind::Float => {
            let r = map_lanes(x, axes, |_, l| {
                l.iter().fold(1.0f64, |s, v| {
                    let f = v.to_f64();
                    if nan && f.is_nan() {
                        s
                    } else {
                        s * f
                    }
                })
            });
            T::into_chunk(r.mapv(T::from_f64))
        }
        Kind::UInt => Chunk::U64(map_lanes(x, axes, |_, l| {
            l.iter().fold(1u64, |s, v| s.wrapping_mul(v.to_u64()))
        })),
        _ => Chunk::I64(map_lanes(x, axes, |_, l| {
            l.iter().fold(1i64, |s, v| s.wrapping_mul(v.to_i64()))
        })),
    }
}

/// Max (or min) of a lane; NaN propagates unless `skip_nan` (all-NaN → NaN).
fn extreme<T: Elem>(l: &[T], want_max: bool, skip_nan: bool) -> T {
    let mut it = l.iter().copied();
    let mut best = match it.next() {
        Some(v) => v,
        None => return T::default(),
    };
    for v in it {
        if best.is_nan() {
            if skip_nan {
                best = v;
                continue;
            }
            return best;
        }
        if v.is_nan() {
            if !skip_nan {
                return v;
            }
            continue;
        }
        if (want_max && v > best) || (!want_max && v < best) {
            best = v;
        }
    }
    best
}

fn moments_lane<T: Elem>(l: &[T], nan: bool, need_m2: bool) -> (f64, f64, f64) {
    let (n, total) = if nan {
        let n = l.iter().filter(|v| !v.is_nan()).count();
        let t = pairwise_sum_by(l, |v: T| {
            let f = v.to_f64();
            if f.is_nan() {
                0.0
            } else {
                f
            }
        });
        (n, t)
    } else {
        (l.len(), pairwise_sum_by(l, |v: T| v.to_f64()))
    };
    if !need_m2 || n == 0 {
        return (n as f64, total, 0.0);
    }
    let mean = total / n as f64;
    let m2 = if nan {
        pairwise_sum_by(l, |v: T| {
            let f = v.to_f64();
            if f.is_nan() {
                0.0
            } else {
                (f - mean) * (f - mean)
            }
        })
    } else {
        pairwise_sum_by(l, |v: T| {
            let d = v.to_f64() - mean;
            d * d
        })
    };
    (n as f64, total, m2)
}

/// (best value, position in lane) with NumPy's first-occurrence and NaN rules;
/// position −1 when the lane is empty or all-NaN under `skip_nan`.
fn arg_lane<T: Elem>(l: &[T], want_max: bool, skip_nan: bool) -> (T, i64) {
    let mut best = T::default();
    let mut pos = -1i64;
    for (i, &v) in l.iter().enumerate() {
        if v.is_nan() {
            if skip_nan {
                continue;
            }
            return (v, i as i64);
        }
        if pos < 0 || (want_max && v > best) || (!want_max && v < best) {
            best = v;
            pos = i as i64;
        }
    }
    (best, pos)
}

/// Turn lane positions into global indices: along the axis for a single-axis
/// reduction, or C-order flat indices into `global_shape` for all axes.
fn globalize(
    local: ArrayD<i64>,
    shape: &[usize],
    axes: &[usize],
    place: Option<(&[usize], &[usize])>,
) -> ArrayD<i64> {
    let Some((offset, global)) = place else {
        return local;
    };
    if axes.len() == 1 && shape.len() != 1 {
        let off = offset[axes[0]] as i64;
        return local.mapv(|p| if p < 0 { p } else { p + off });
    }
    let red_shape: Vec<usize> = axes.iter().map(|&i| shape[i]).collect();
    local.mapv(|p| {
        if p < 0 {
            return p;
        }
        let mut rem = p as usize;
        let mut idx = vec![0usize; red_shape.len()];
        for k in (0..red_shape.len()).rev() {
            idx[k] = rem % red_shape[k].max(1);
            rem /= red_shape[k].max(1);
        }
        let mut flat = 0usize;
        for (k, &ax) in axes.iter().enumerate() {
            flat = flat * global[ax] + idx[k] + offset[ax];
        }
        flat as i64
    })
}

/// Shape of a partial's state (keepdims shape of its block).
pub fn partial_shape(p: &Partial) -> Vec<usize> {
    match &p.data {
        PartialData::Plain(c) => c.shape().to_vec(),
        PartialData::Moments(m) => m.count.shape().to_vec(),
        PartialData::Arg { index, .. } => index.shape().to_vec(),
    }
}

/// Finish a (combined) partial: divide moments, drop arg values, squeeze the
/// reduced axes unless `keepdims`.
pub fn finalize(p: Partial, ddof: usize, keepdims: bool) -> Result<Chunk> {
    use ReduceOp::*;
    let rd = p.op.result_dtype(p.in_dtype);
    let axes = p.axes.clone();
    let out = match p.data {
        PartialData::Plain(c) => {
            if p.empty && matches!(p.op, Min | Max | NanMin | NanMax) && c.size() > 0 {
                let name = if matches!(p.op, Min | NanMin) {
                    "minimum"
                } else {
                    "maximum"
                };
                return Err(ChunkError::Value(format!(
                    "zero-size array to reduction operation {name} which has no identity"
                )));
            }
            c
        }
        PartialData::Moments(m) => {
            let d = ddof as f64;
            let r: ArrayD<f64> = match p.op {
                Mean | NanMean => Zip::from(&m.total)
                    .and(&m.count)
                    .map_collect(|&t, &n| t / n),
                _ => {
                    let var = Zip::from(&m.m2)
                        .and(&m.count)
                        .map_collect(|&s, &n| s / (n - d).max(0.0));
                    if matches!(p.op, Std | NanStd) {
                        var.mapv(f64::sqrt)
                    } else {
                        var
                    }
                }
            };
            Chunk::F64(r).to_dtype(rd)?
        }
        PartialData::Arg { index, .. } => {
            if index.iter().any(|&i| i < 0) {
                let msg = if p.empty {
                    format!(
                        "attempt to get {} of an empty sequence",
                        p.op.name().trim_start_matches("nan")
                    )
                } else {
                    "All-NaN slice encountered".to_string()
                };
                return Err(ChunkError::Value(msg));
            }
            Chunk::I64(index)
        }
    };
    if keepdims {
        return Ok(out);
    }
    Ok(dispatch_chunk!(out, a => Elem::into_chunk(squeeze_axes(a, &axes))))
}

/// Check that partials can be merged (same op, axes and state shape).
pub(crate) fn check_same(parts: &[&Partial]) -> Result<()> {
    let first = parts[0];
    let s0 = partial_shape(first);
    for &p in &parts[1..] {
        if p.op != first.op || p.axes != first.axes {
            return Err(ChunkError::Value(
                "cannot combine partials of different reductions".into(),
            ));
        }
        let s = partial_shape(p);
        if s != s0 {
            return Err(ChunkError::Shape(format!(
                "cannot combine partials of shapes {} and {}",
                shape_str(&s0),
                shape_str(&s)
            )));
        }
    }
    Ok(())
}

/// Keepdims output shape of a reduction, for callers planning trees.
pub fn reduced_shape(shape: &[usize], axes: &[usize]) -> Vec<usize> {
    keepdims_shape(shape, axes)
}
