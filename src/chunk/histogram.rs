//! Histogram counts with NumPy's binning rules: bins are half-open `[a, b)`
//! except the last, which holds its right edge; values outside the edges and
//! NaN are dropped. A lazy histogram sums these per-block counts.

use super::error::{ChunkError, Result};
use super::{Chunk, DType};

/// The bins of a histogram.
#[derive(Clone, Debug, PartialEq)]
pub enum Bins {
    /// `n` equal bins over `[lo, hi]` (NumPy's fast path, same arithmetic).
    Uniform {
        /// Number of bins.
        n: usize,
        /// Left edge of the first bin.
        lo: f64,
        /// Right edge of the last bin.
        hi: f64,
    },
    /// Explicit, increasing edges (one more than the bins).
    Edges(Vec<f64>),
}

impl Bins {
    /// Equal bins over a range, widened by ±0.5 when it is empty (as NumPy does).
    pub fn uniform(n: usize, lo: f64, hi: f64) -> Result<Bins> {
        if n == 0 {
            return Err(ChunkError::Value(
                "`bins` must be positive, when an integer".into(),
            ));
        }
        if lo > hi {
            return Err(ChunkError::Value(
                "max must be larger than min in range parameter.".into(),
            ));
        }
        if !(lo.is_finite() && hi.is_finite()) {
            return Err(ChunkError::Value(format!(
                "supplied range of [{lo}, {hi}] is not finite"
            )));
        }
        let (lo, hi) = if lo == hi {
            (lo - 0.5, hi + 0.5)
        } else {
            (lo, hi)
        };
        Ok(Bins::Uniform { n, lo, hi })
    }

    /// Explicit edges, checked to increase monotonically.
    pub fn edges(e: Vec<f64>) -> Result<Bins> {
        if e.len() < 2 || e.windows(2).any(|w| w[1] < w[0]) {
            return Err(ChunkError::Value(
                "`bins` must increase monotonically, when an array".into(),
            ));
        }
        Ok(Bins::Edges(e))
    }

    /// Number of bins.
    pub fn len(&self) -> usize {
        match self {
            Bins::Uniform { n, .. } => *n,
            Bins::Edges(e) => e.len() - 1,
        }
    }

    /// Whether there are no bins (never true for a checked `Bins`).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bin edges, as `np.linspace(lo, hi, n + 1)` for equal bins.
    pub fn edge_values(&self) -> Vec<f64> {
        match self {
            Bins::Uniform { n, lo, hi } => Chunk::linspace(*lo, *hi, n + 1, true, DType::Float64)
                .map(|c| c.to_f64_vec())
                .unwrap_or_default(),
            Bins::Edges(e) => e.clone(),
        }
    }

    /// The bin of value `x`, or None when it falls outside (or is NaN).
    fn index(&self, x: f64, edges: &[f64]) -> Option<usize> {
        let (first, last) = (edges[0], edges[edges.len() - 1]);
        if !(x >= first && x <= last) {
            return None;
        }
        let n = edges.len() - 1;
        match self {
            Bins::Uniform { lo, hi, .. } => {
                let norm = n as f64 / (hi - lo);
                let mut i = ((x - lo) * norm) as usize;
                if i >= n {
                    i = n - 1;
                }
                if x < edges[i] {
                    i = i.saturating_sub(1);
                }
                if x >= edges[i + 1] && i != n - 1 {
                    i += 1;
                }
                Some(i)
            }
            Bins::Edges(e) => {
                if x == last {
                    return Some(n - 1);
                }
                Some(e.partition_point(|&v| v <= x) - 1)
            }
        }
    }
}

/// Counts (int64) or summed weights (float64, or int64 for integer weights)
/// of `c`'s elements per bin: a 1-D chunk of `bins.len()` values.
pub fn counts(c: &Chunk, bins: &Bins, weights: Option<&Chunk>) -> Result<Chunk> {
    let edges = bins.edge_values();
    let values = c.to_f64_vec();
    match weights {
        None => {
            let mut out = vec![0i64; bins.len()];
            for x in values {
                if let Some(i) = bins.index(x, &edges) {
                    out[i] += 1;
                }
            }
            Chunk::from_vec(out, &[bins.len()])
        }
        Some(w) => {
            if w.shape() != c.shape() {
                return Err(ChunkError::Value(
                    "weights should have the same shape as a.".into(),
                ));
            }
            let ws = w.to_f64_vec();
            let mut out = vec![0f64; bins.len()];
            for (x, wv) in values.into_iter().zip(ws) {
                if let Some(i) = bins.index(x, &edges) {
                    out[i] += wv;
                }
            }
            let r = Chunk::from_vec(out, &[bins.len()])?;
            if w.dtype().is_float() {
                Ok(r)
            } else {
                r.astype(DType::Int64)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_are_half_open_except_the_last() {
        let c = Chunk::from_vec(vec![0.0, 0.5, 1.0, 1.5, 2.0, 2.5, f64::NAN, -1.0], &[8]).unwrap();
        let b = Bins::uniform(2, 0.0, 2.0).unwrap();
        assert_eq!(counts(&c, &b, None).unwrap().to_f64_vec(), vec![2.0, 3.0]);
        let e = Bins::edges(vec![0.0, 1.0, 2.5]).unwrap();
        assert_eq!(counts(&c, &e, None).unwrap().to_f64_vec(), vec![2.0, 4.0]);
        assert_eq!(b.edge_values(), vec![0.0, 1.0, 2.0]);
    }

    #[test]
    fn weights_and_errors() {
        let c = Chunk::from_vec(vec![0.1, 0.9], &[2]).unwrap();
        let w = Chunk::from_vec(vec![2.0, 0.5], &[2]).unwrap();
        let b = Bins::uniform(1, 0.0, 1.0).unwrap();
        assert_eq!(counts(&c, &b, Some(&w)).unwrap().to_f64_vec(), vec![2.5]);
        assert!(Bins::uniform(0, 0.0, 1.0).is_err());
        assert!(Bins::edges(vec![1.0, 0.0]).is_err());
        assert_eq!(
            Bins::uniform(2, 3.0, 3.0).unwrap().edge_values(),
            vec![2.5, 3.0, 3.5]
        );
    }
}
