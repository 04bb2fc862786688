//! Shared kernel plumbing: broadcasting, allocation checks, and map helpers
//! that go parallel (rayon) only above a size threshold.

use super::error::{ChunkError, Result};
use super::DType;
use ndarray::{ArrayD, IxDyn, Zip};
use rayon::prelude::*;

/// Element count above which elementwise kernels use rayon.
pub const PAR_THRESHOLD: usize = 1 << 16;

/// Largest single allocation a kernel may request (bytes).
const MAX_ALLOC: usize = isize::MAX as usize;

/// Allocations above this size are probed with `try_reserve` before running.
const PROBE_ABOVE: usize = 64 << 20;

/// Format a shape the way NumPy prints tuples: `(2, 3)`, `(4,)`, `()`.
pub fn shape_str(shape: &[usize]) -> String {
    match shape.len() {
        0 => "()".to_string(),
        1 => format!("({},)", shape[0]),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// Same as [`shape_str`] without spaces, as in NumPy's broadcast error.
fn shape_str_compact(shape: &[usize]) -> String {
    shape_str(shape).replace(' ', "")
}

/// NumPy's MemoryError size wording: three significant digits (`"728. TiB"`).
fn human_bytes(b: u128) -> String {
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];
    if b < 1024 {
        return format!("{b} bytes");
    }
    let mut v = b as f64 / 1024.0;
    let mut i = 0;
    while v >= 1024.0 && i + 1 < units.len() {
        v /= 1024.0;
        i += 1;
    }
    let num = if v >= 100.0 {
        format!("{v:.0}.")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    format!("{num} {}", units[i])
}

/// Refuse (with an error, never an abort) an allocation of `shape` × dtype that
/// overflows or cannot be reserved. Returns the element count.
pub fn check_alloc(shape: &[usize], dtype: DType) -> Result<usize> {
    let too_big = || {
        let bytes: u128 =
            shape.iter().map(|&d| d as u128).product::<u128>() * dtype.itemsize() as u128;
        ChunkError::AllocationTooLarge(
            human_bytes(bytes),
            shape_str(shape),
            dtype.name().to_string(),
        )
    };
    let n = shape
        .iter()
        .try_fold(1usize, |acc, &d| acc.checked_mul(d))
        .ok_or_else(too_big)?;
    let bytes = n.checked_mul(dtype.itemsize()).ok_or_else(too_big)?;
    if bytes > MAX_ALLOC {
        return Err(too_big());
    }
    if bytes > PROBE_ABOVE {
        let mut probe: Vec<u8> = Vec::new();
        probe.try_reserve_exact(bytes).map_err(|_| too_big())?;
    }
    Ok(n)
}

/// NumPy broadcasting of two shapes (right-aligned, 1 stretches).
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> Result<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let da = if i < n - a.len() {
            1
        } else {
            a[i - (n - a.len())]
        };
        let db = if i < n - b.len() {
            1
        } else {
            b[i - (n - b.len())]
        };
        out[i] = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return Err(ChunkError::Broadcast(
                shape_str_compact(a),
                shape_str_compact(b),
            ));
        };
    }
    Ok(out)
}

/// Apply `f` to every element (parallel above the threshold).
pub fn map1<A, R, F>(a: &ArrayD<A>, f: F) -> ArrayD<R>
where
    A: Copy + Send + Sync,
    R: Send + Sync,
    F: Fn(A) -> R + Sync + Send,
{
    if let Some(xs) = a.as_slice() {
        let v: Vec<R> = if xs.len() >= PAR_THRESHOLD {
            xs.par_iter()
                .with_min_len(PAR_MIN_LEN)
                .map(|&x| f(x))
                .collect()
        } else {
            xs.iter().map(|&x| f(x)).collect()
        };
        return ArrayD::from_shape_vec(a.raw_dim(), v).expect("same shape");
    }
    if a.len() >= PAR_THRESHOLD {
        Zip::from(a).par_map_collect(|&x| f(x))
    } else {
        a.map(|&x| f(x))
    }
}

/// Smallest piece of a slice a rayon task handles.
const PAR_MIN_LEN: usize = 1 << 14;

/// Apply `f` pairwise after broadcasting `a` and `b` together.
pub fn map2<A, B, R, F>(a: &ArrayD<A>, b: &ArrayD<B>, f: F) -> Result<ArrayD<R>>
where
    A: Copy + Send + Sync,
    B: Copy + Send + Sync,
    R: Send + Sync,
    F: Fn(A, B) -> R + Sync + Send,
{
    if a.shape() == b.shape() {
        if let (Some(xs), Some(ys)) = (a.as_slice(), b.as_slice()) {
            let v: Vec<R> = if xs.len() >= PAR_THRESHOLD {
                xs.par_iter()
                    .zip(ys.par_iter())
                    .with_min_len(PAR_MIN_LEN)
                    .map(|(&x, &y)| f(x, y))
                    .collect()
            } else {
                xs.iter().zip(ys).map(|(&x, &y)| f(x, y)).collect()
            };
            return Ok(ArrayD::from_shape_vec(a.raw_dim(), v).expect("same shape"));
        }
        return Ok(if a.len() >= PAR_THRESHOLD {
            Zip::from(a).and(b).par_map_collect(|&x, &y| f(x, y))
        } else {
            Zip::from(a).and(b).map_collect(|&x, &y| f(x, y))
        });
    }
    let shape = broadcast_shapes(a.shape(), b.shape())?;
    if b.len() == 1 && a.shape() == shape.as_slice() {
        let y = *b.iter().next().expect("one element");
        return Ok(map1(a, move |x| f(x, y)));
    }
    if a.len() == 1 && b.shape() == shape.as_slice() {
        let x = *a.iter().next().expect("one element");
        return Ok(map1(b, move |y| f(x, y)));
    }
    Ok(super::strided::broadcast_map2(
        a,
        b,
        &shape,
        PAR_THRESHOLD,
        f,
    ))
}

/// Apply `f` to three broadcast operands (used by `where` and `clip`).
pub fn map3<A, B, C, R, F>(a: &ArrayD<A>, b: &ArrayD<B>, c: &ArrayD<C>, f: F) -> Result<ArrayD<R>>
where
    A: Copy + Send + Sync,
    B: Copy + Send + Sync,
    C: Copy + Send + Sync,
    R: Send + Sync,
    F: Fn(A, B, C) -> R + Sync + Send,
{
    let s = broadcast_shapes(a.shape(), b.shape())?;
    let shape = broadcast_shapes(&s, c.shape()).map_err(|_| {
        ChunkError::Broadcast(
            format!(
                "{} {}",
                shape_str_compact(a.shape()),
                shape_str_compact(b.shape())
            ),
            shape_str_compact(c.shape()),
        )
    })?;
    let dim = IxDyn(&shape);
    let av = a.broadcast(dim.clone()).expect("broadcast checked");
    let bv = b.broadcast(dim.clone()).expect("broadcast checked");
    let cv = c.broadcast(dim).expect("broadcast checked");
    Ok(if av.len() >= PAR_THRESHOLD {
        Zip::from(&av)
            .and(&bv)
            .and(&cv)
            .par_map_collect(|&x, &y, &z| f(x, y, z))
    } else {
        Zip::from(&av)
            .and(&bv)
            .and(&cv)
            .map_collect(|&x, &y, &z| f(x, y, z))
    })
}

/// Normalise a possibly negative axis against `ndim`.
pub fn norm_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(ChunkError::AxisOutOfBounds { axis, ndim });
    }
    Ok(if axis < 0 {
        (axis + n) as usize
    } else {
        axis as usize
    })
}

/// Normalise a list of axes (None = all), rejecting repeats; sorted ascending.
pub fn norm_axes(axes: Option<&[isize]>, ndim: usize) -> Result<Vec<usize>> {
    match axes {
        None => Ok((0..ndim).collect()),
        Some(list) => {
            let mut out = Vec::with_capacity(list.len());
            for &a in list {
                let ax = norm_axis(a, ndim)?;
                if out.contains(&ax) {
                    return Err(ChunkError::Value("duplicate value in 'axis'".into()));
                }
                out.push(ax);
            }
            out.sort_unstable();
            Ok(out)
        }
    }
}
