//! `np.pad`'s modes that compute new values: 'linear_ramp' (NumPy's and
//! Dask's `linspace` arithmetic, which round differently) and the statistic
//! modes 'maximum', 'minimum', 'mean' and 'median' as NumPy computes them,
//! one axis after another on the part padded so far.

use super::pad::PadOps;
use super::{reduce, round, Chunk, ChunkError, DType, Kind, ReduceOp, Result};

/// Whose `linspace` call a ramp reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RampStyle {
    /// `np.pad`: `linspace(end, edge, width, endpoint=False)`, the after side reversed.
    NumPy,
    /// Dask's `linear_ramp_chunk`: `linspace(edge, end, width + 1)[1:]`, the before side reversed.
    Dask,
}

/// Outer count, axis length and inner count of `shape` around `axis`.
fn split(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    let outer = shape[..axis].iter().product();
    let inner = shape[axis + 1..].iter().product();
    (outer, shape[axis], inner)
}

/// The values as a chunk of `dtype`: floats floored first for integer
/// dtypes (as `linspace` does), computed in float32 for float32.
fn finish(vals: Vec<f64>, shape: &[usize], dtype: DType, floor: bool) -> Result<Chunk> {
    if dtype == DType::Float32 {
        return Chunk::from_vec(
            vals.into_iter().map(|v| v as f32).collect::<Vec<f32>>(),
            shape,
        );
    }
    let int = matches!(dtype.kind(), Kind::Int | Kind::UInt);
    let vals = if floor && int {
        vals.into_iter().map(f64::floor).collect()
    } else {
        vals
    };
    Chunk::from_vec(vals, shape)?.astype(dtype)
}

/// The linear ramp of `width` elements along `axis` from the edge values
/// `edge` (length 1 along `axis`) to `end`; `before` is the side it pads.
/// `single`: `linspace` computes in float32 (a float32 array and an end value
/// that NumPy's promotion treats as a weak Python scalar), else in float64.
pub fn ramp(
    edge: &Chunk,
    end: f64,
    width: usize,
    axis: usize,
    before: bool,
    style: RampStyle,
    single: bool,
) -> Result<Chunk> {
    let dt = edge.dtype();
    let single = single && dt == DType::Float32;
    let r = |x: f64| if single { x as f32 as f64 } else { x };
    let edges: Vec<f64> = edge.to_f64_vec().into_iter().map(r).collect();
    let end = r(end);
    let mut shape = edge.shape().to_vec();
    shape[axis] = width;
    super::check_alloc(&shape, dt)?;
    let (outer, _, inner) = split(&shape, axis);
    let div = width as f64;
    // y_k of linspace(start, stop, ..) with `div` intervals.
    let lin = |start: f64, stop: f64, k: usize, any_zero: bool| {
        let delta = r(stop - start);
        let y = if any_zero {
            r(r(k as f64 / div) * delta)
        } else {
            r(k as f64 * r(delta / div))
        };
        r(y + start)
    };
    // NumPy decides the zero-step branch once for the whole ramp.
    let numpy_zero = edges.iter().any(|&e| r(r(e - end) / div) == 0.0);
    let mut vals = vec![0.0; outer * width * inner];
    for o in 0..outer {
        for i in 0..inner {
            let e = edges[o * inner + i];
            for k in 0..width {
                let v = match style {
                    RampStyle::NumPy => {
                        let j = if before { k } else { width - 1 - k };
                        lin(end, e, j, numpy_zero)
                    }
                    RampStyle::Dask => {
                        let j = if before { width - k } else { k + 1 };
                        if j == width {
                            end
                        } else {
                            lin(e, end, j, r(r(end - e) / div) == 0.0)
                        }
                    }
                };
                vals[(o * width + k) * inner + i] = v;
            }
        }
    }
    finish(vals, &shape, dt, true)
}

/// Which statistic fills the pad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stat {
    /// 'maximum'
    Max,
    /// 'minimum'
    Min,
    /// 'mean' (rounded half to even for integers)
    Mean,
    /// 'median' (rounded half to even for integers)
    Median,
}

/// NumPy's median along `axis`, keeping it with length 1: the middle value
/// (mean of the two middle ones) of each lane, NaN if the lane has one.
fn median(c: &Chunk, axis: usize) -> Result<Chunk> {
    let (outer, n, inner) = split(c.shape(), axis);
    let v = c.to_f64_vec();
    let f32s = c.dtype() == DType::Float32;
    let mut out = Vec::with_capacity(outer * inner);
    for o in 0..outer {
        for i in 0..inner {
            let mut lane: Vec<f64> = (0..n).map(|k| v[(o * n + k) * inner + i]).collect();
            let m = if n == 0 || lane.iter().any(|x| x.is_nan()) {
                f64::NAN
            } else {
                lane.sort_by(f64::total_cmp);
                let (a, b) = (lane[(n - 1) / 2], lane[n / 2]);
                if f32s {
                    ((a as f32 + b as f32) / 2.0) as f64
                } else {
                    (a + b) / 2.0
                }
            };
            out.push(m);
        }
    }
    let mut shape = c.shape().to_vec();
    shape[axis] = 1;
    let r = Chunk::from_vec(out, &shape)?;
    if f32s {
        r.astype(DType::Float32)
    } else {
        Ok(r)
    }
}

/// One side's statistic of `part` along `axis` (length 1 kept), rounded for integer arrays.
pub fn side_stat(part: &Chunk, axis: usize, stat: Stat) -> Result<Chunk> {
    let ax = [axis as isize];
    let s = match stat {
        Stat::Max => return reduce(part, ReduceOp::Max, Some(&ax), true, 0),
        Stat::Min => return reduce(part, ReduceOp::Min, Some(&ax), true, 0),
        Stat::Mean => reduce(part, ReduceOp::Mean, Some(&ax), true, 0)?,
        Stat::Median => median(part, axis)?,
    };
    if matches!(part.dtype().kind(), Kind::Int | Kind::UInt) {
        round(&s, 0)
    } else {
        Ok(s)
    }
}

/// `np.pad(c, widths, stat, stat_length=lengths)`: per axis, the statistic of
/// the first/last `lengths` elements (None or too long: the whole axis) of
/// the array padded so far. Padded axes must be non-empty, and maximum and
/// minimum need non-zero lengths (the caller checks both).
pub fn stats(
    c: &Chunk,
    widths: &[(usize, usize)],
    lengths: &[(Option<usize>, Option<usize>)],
    stat: Stat,
) -> Result<Chunk> {
    let dt = c.dtype();
    let mut cur = c.clone();
    for (ax, (&(b, a), &(lb, la))) in widths.iter().zip(lengths).enumerate() {
        if (b, a) == (0, 0) {
            continue;
        }
        let n = cur.shape()[ax];
        let (lb, la) = (lb.unwrap_or(n).min(n), la.unwrap_or(n).min(n));
        let left = side_stat(&cur.range(ax, 0, lb, false)?, ax, stat)?;
        let right = if lb == n && la == n {
            left.clone()
        } else {
            side_stat(&cur.range(ax, n - la, n, false)?, ax, stat)?
        };
        let mut parts = Vec::with_capacity(3);
        if b > 0 {
            parts.push(left.astype(dt)?.widen(ax, b)?);
        }
        parts.push(cur);
        if a > 0 {
            parts.push(right.astype(dt)?.widen(ax, a)?);
        }
        cur = Chunk::join(&parts, ax)?;
    }
    Ok(cur)
}

/// NumPy's refusal of a zero `stat_length` for maximum and minimum.
pub fn zero_length_error() -> ChunkError {
    ChunkError::Value("stat_length of 0 yields no value for padding".into())
}
