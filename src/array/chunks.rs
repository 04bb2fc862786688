//! Chunk specifications → per-axis block sizes, with Dask's rules: ints,
//! tuples, tuples of tuples, `-1`/`None` (whole axis) and `'auto'` (128 MiB
//! blocks, computed with the same f64 arithmetic so the sizes match Dask's).

use super::error::ArrayError;

/// Dask's default `array.chunk-size`.
pub const AUTO_CHUNK_BYTES: u64 = 128 * 1024 * 1024;

/// One axis of a chunk request.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisSpec {
    /// Blocks of this size (the last one is the remainder).
    Size(usize),
    /// The whole axis in one block (`-1` or `None`).
    Full,
    /// Pick a size so blocks hold about `AUTO_CHUNK_BYTES`.
    Auto,
    /// Explicit block sizes, which must add up to the axis length.
    Explicit(Vec<usize>),
}

/// A chunk request for every axis.
#[derive(Clone, Debug, PartialEq)]
pub enum ChunkSpec {
    /// `chunks=100`: the same size on every axis.
    Uniform(usize),
    /// `chunks=-1` / `None` for every axis.
    Full,
    /// `chunks='auto'` for every axis.
    Auto,
    /// One entry per axis.
    PerAxis(Vec<AxisSpec>),
}

/// Turn a spec into per-axis block sizes for `shape` and an item size in bytes.
pub fn normalize(
    spec: &ChunkSpec,
    shape: &[usize],
    itemsize: usize,
) -> Result<Vec<Vec<usize>>, ArrayError> {
    normalize_with_limit(spec, shape, itemsize, AUTO_CHUNK_BYTES)
}

/// As [`normalize`], with an explicit byte limit for `'auto'` axes.
pub fn normalize_with_limit(
    spec: &ChunkSpec,
    shape: &[usize],
    itemsize: usize,
    limit_bytes: u64,
) -> Result<Vec<Vec<usize>>, ArrayError> {
    let axes: Vec<AxisSpec> = match spec {
        ChunkSpec::Uniform(n) => vec![AxisSpec::Size(*n); shape.len()],
        ChunkSpec::Full => vec![AxisSpec::Full; shape.len()],
        ChunkSpec::Auto => vec![AxisSpec::Auto; shape.len()],
        // Dask: a flat tuple of sizes for a 1-D array lists its blocks
        // (`chunks=(1, 9)` on 10 elements), not one size per axis.
        ChunkSpec::PerAxis(v)
            if shape.len() == 1
                && v.len() > 1
                && v.iter().all(|a| matches!(a, AxisSpec::Size(_))) =>
        {
            vec![AxisSpec::Explicit(
                v.iter()
                    .map(|a| match a {
                        AxisSpec::Size(n) => *n,
                        _ => unreachable!("checked above"),
                    })
                    .collect(),
            )]
        }
        ChunkSpec::PerAxis(v) => {
            if v.len() != shape.len() {
                return Err(ArrayError::Chunks(format!(
                    "Chunks and shape must be of the same length/dimension. Got chunks={} with {} entries, shape={:?}",
                    v.len(),
                    v.len(),
                    shape
                )));
            }
            v.clone()
        }
    };
    let sizes = auto_sizes(&axes, shape, itemsize, limit_bytes);
    // Refuse grids too large to describe before building them: a huge shape
    // with small chunks must be an error, not an allocation the size of RAM.
    let blocks: u128 = axes
        .iter()
        .zip(shape)
        .zip(&sizes)
        .map(|((a, &dim), auto)| match a {
            AxisSpec::Size(c) => dim.div_ceil((*c).max(1)).max(1) as u128,
            AxisSpec::Auto => dim.div_ceil(auto.unwrap_or(1).max(1)).max(1) as u128,
            AxisSpec::Full => 1,
            AxisSpec::Explicit(v) => v.len().max(1) as u128,
        })
        .product();
    if blocks > MAX_BLOCKS {
        return Err(ArrayError::Chunks(format!(
            "these chunks would split shape {shape:?} into {blocks} blocks; Tessera builds \
             at most {MAX_BLOCKS} blocks per array: use larger chunks"
        )));
    }
    let out: Vec<Vec<usize>> = axes
        .iter()
        .zip(shape)
        .zip(sizes)
        .map(|((a, &dim), auto)| match a {
            AxisSpec::Size(0) => Err(ArrayError::Chunks("chunk sizes must be positive".into())),
            AxisSpec::Size(c) => Ok(blocks_of(dim, *c)),
            AxisSpec::Full => Ok(vec![dim]),
            AxisSpec::Auto => Ok(blocks_of(dim, auto.expect("auto size computed"))),
            AxisSpec::Explicit(v) if v.is_empty() && dim == 0 => Ok(vec![0]),
            AxisSpec::Explicit(v) => Ok(v.clone()),
        })
        .collect::<Result<_, _>>()?;
    if out
        .iter()
        .zip(shape)
        .any(|(c, &dim)| c.iter().sum::<usize>() != dim)
    {
        // Dask's message, with every axis' blocks as Python tuples.
        let inner: Vec<String> = out.iter().map(|c| crate::chunk::shape_str(c)).collect();
        let all = if inner.len() == 1 {
            format!("({},)", inner[0])
        } else {
            format!("({})", inner.join(", "))
        };
        return Err(ArrayError::Chunks(format!(
            "Chunks do not add up to shape. Got chunks={all}, shape={}",
            crate::chunk::shape_str(shape)
        )));
    }
    Ok(out)
}

/// The most blocks one array may have: a grid larger than this cannot be
/// described in memory, let alone scheduled.
pub const MAX_BLOCKS: u128 = 100_000_000;

/// `dim` split into blocks of `c` (the last one the remainder); `[0]` for an empty axis.
pub fn blocks_of(dim: usize, c: usize) -> Vec<usize> {
    if dim == 0 {
        return vec![0];
    }
    let c = c.max(1);
    let mut v = vec![c; dim / c];
    if !dim.is_multiple_of(c) {
        v.push(dim % c);
    }
    v
}

/// Dask's `auto_chunks` without previous chunks: the size for each auto axis.
fn auto_sizes(
    axes: &[AxisSpec],
    shape: &[usize],
    itemsize: usize,
    limit_bytes: u64,
) -> Vec<Option<usize>> {
    let mut fixed: Vec<Option<usize>> = axes
        .iter()
        .zip(shape)
        .map(|(a, &dim)| match a {
            AxisSpec::Size(c) => Some(*c),
            AxisSpec::Full => Some(dim),
            AxisSpec::Explicit(v) => Some(v.iter().copied().max().unwrap_or(0)),
            AxisSpec::Auto => None,
        })
        .collect();
    let limit = (limit_bytes / itemsize.max(1) as u64).max(1) as f64;
    let mut result: Vec<Option<usize>> = vec![None; axes.len()];
    loop {
        let autos: Vec<usize> = (0..axes.len()).filter(|&i| fixed[i].is_none()).collect();
        if autos.is_empty() {
            break;
        }
        let largest_block: f64 = fixed.iter().flatten().map(|&c| c.max(1) as f64).product();
        let size = (limit / largest_block).powf(1.0 / autos.len() as f64);
        let small: Vec<usize> = autos
            .iter()
            .copied()
            .filter(|&i| (shape[i] as f64) < size)
            .collect();
        if !small.is_empty() {
            for i in small {
                fixed[i] = Some(shape[i]);
                result[i] = Some(shape[i].max(1));
            }
            continue;
        }
        for i in autos {
            let c = (size as usize).max(1);
            fixed[i] = Some(c);
            result[i] = Some(c);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(shape: &[usize]) -> Vec<Vec<usize>> {
        normalize(&ChunkSpec::Auto, shape, 8).unwrap()
    }

    #[test]
    fn auto_matches_dask_float64_defaults() {
        assert_eq!(auto(&[500, 500, 500]), vec![vec![255, 245]; 3]);
        assert_eq!(auto(&[5000, 5000]), vec![vec![4096, 904]; 2]);
        assert_eq!(auto(&[10000, 10000]), vec![vec![4096, 4096, 1808]; 2]);
        let c = auto(&[20000, 20000]);
        assert_eq!(c[0].len() * c[1].len(), 25);
        let c = auto(&[10000, 1000, 100]);
        assert_eq!(c[0][0], 409);
        assert_eq!(c[1][0], 409);
        assert_eq!(c[2], vec![100]);
        assert_eq!(c[0].len() * c[1].len() * c[2].len(), 75);
    }

    #[test]
    fn grids_too_large_to_describe_are_refused_before_allocating() {
        // 10^11 blocks per axis would need 800 GB just to list the sizes.
        let huge = [1_000_000_000_000usize, 1_000_000_000_000];
        let e = normalize(&ChunkSpec::Uniform(10), &huge, 8).unwrap_err();
        assert!(e.to_string().contains("use larger chunks"), "{e}");
        // The limit is on the whole grid, not one axis.
        assert!(normalize(&ChunkSpec::Uniform(1), &[20_000, 20_000], 8).is_err());
        assert!(normalize(&ChunkSpec::Uniform(10), &[20_000, 20_000], 8).is_ok());
    }

    #[test]
    fn auto_small_arrays_are_one_block() {
        assert_eq!(auto(&[10, 20]), vec![vec![10], vec![20]]);
        assert_eq!(auto(&[0]), vec![vec![0]]);
    }

    #[test]
    fn explicit_forms() {
        let n = |s: ChunkSpec, shape: &[usize]| normalize(&s, shape, 8);
        assert_eq!(
            n(ChunkSpec::Uniform(3), &[10]).unwrap(),
            vec![vec![3, 3, 3, 1]]
        );
        assert_eq!(n(ChunkSpec::Full, &[4, 5]).unwrap(), vec![vec![4], vec![5]]);
        let per = ChunkSpec::PerAxis(vec![AxisSpec::Explicit(vec![2, 3]), AxisSpec::Full]);
        assert_eq!(n(per, &[5, 7]).unwrap(), vec![vec![2, 3], vec![7]]);
        let bad = ChunkSpec::PerAxis(vec![AxisSpec::Explicit(vec![2, 2])]);
        let e = n(bad, &[5]).unwrap_err().to_string();
        assert!(e.contains("Chunks do not add up to shape"), "{e}");
        assert!(n(ChunkSpec::PerAxis(vec![AxisSpec::Full]), &[1, 2]).is_err());
        assert!(n(ChunkSpec::Uniform(0), &[3]).is_err());
    }

    #[test]
    fn mixed_auto_and_fixed_axes() {
        let s = ChunkSpec::PerAxis(vec![AxisSpec::Full, AxisSpec::Auto]);
        let c = normalize(&s, &[1000, 100000], 8).unwrap();
        assert_eq!(c[0], vec![1000]);
        assert_eq!(c[1][0], 16777);
    }
}
