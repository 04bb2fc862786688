//! Shape, chunks and dtype of a lazy array, and the block arithmetic built on them.

use crate::chunk::DType;

/// A block or axis length not known until computed (Dask's NaN), as after
/// boolean masking. Arithmetic on sizes saturates, so it stays unknown.
pub const UNKNOWN: usize = usize::MAX;

/// What is known about an array without computing it.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// Length of each axis.
    pub shape: Vec<usize>,
    /// Block sizes along each axis (they add up to the axis length).
    pub chunks: Vec<Vec<usize>>,
    /// Element type.
    pub dtype: DType,
}

impl Meta {
    /// Metadata from parts (chunks must already be normalised).
    pub fn new(shape: Vec<usize>, chunks: Vec<Vec<usize>>, dtype: DType) -> Self {
        Self {
            shape,
            chunks,
            dtype,
        }
    }

    /// Number of axes.
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Blocks along each axis.
    pub fn numblocks(&self) -> Vec<usize> {
        self.chunks.iter().map(Vec::len).collect()
    }

    /// Total number of blocks (1 for a 0-d array).
    pub fn nblocks(&self) -> usize {
        self.chunks.iter().map(Vec::len).product()
    }

    /// Number of elements (`UNKNOWN` when any axis length is unknown).
    pub fn size(&self) -> usize {
        self.shape.iter().fold(1usize, |acc, &n| {
            if n == UNKNOWN {
                UNKNOWN
            } else {
                acc.saturating_mul(n)
            }
        })
    }

    /// Whether some block sizes are unknown (after boolean masking).
    pub fn has_unknown(&self) -> bool {
        self.shape.contains(&UNKNOWN)
    }

    /// Bytes of the whole array (saturating when unknown).
    pub fn nbytes(&self) -> u64 {
        (self.size() as u64).saturating_mul(self.dtype.itemsize() as u64)
    }

    /// Bytes of the whole array without overflow, for guards against huge results.
    /// Unknown sizes (after masking) count as 0: the guard cannot judge them.
    pub fn nbytes_u128(&self) -> u128 {
        if self.has_unknown() {
            return 0;
        }
        self.shape.iter().map(|&n| n as u128).product::<u128>() * self.dtype.itemsize() as u128
    }

    /// The largest block along each axis (Dask's `chunksize`).
    pub fn chunksize(&self) -> Vec<usize> {
        self.chunks
            .iter()
            .map(|c| c.iter().copied().max().unwrap_or(0))
            .collect()
    }

    /// Shape of block `idx`.
    pub fn block_shape(&self, idx: &[u32]) -> Vec<usize> {
        idx.iter()
            .zip(&self.chunks)
            .map(|(&i, c)| c[i as usize])
            .collect()
    }

    /// Offset of block `idx` in the whole array (saturating when unknown).
    pub fn block_offset(&self, idx: &[u32]) -> Vec<usize> {
        idx.iter()
            .zip(&self.chunks)
            .map(|(&i, c)| {
                c[..i as usize]
                    .iter()
                    .fold(0usize, |a, &n| a.saturating_add(n))
            })
            .collect()
    }

    /// Every block index in C order.
    pub fn block_indices(&self) -> Vec<Vec<u32>> {
        let mut out = Vec::with_capacity(self.nblocks());
        self.for_each_block_index(|idx| out.push(idx.to_vec()));
        out
    }

    /// Call `f` with every block index in C order, one reused buffer (lowering
    /// a 10⁵-block reduction need not allocate an index per block).
    pub fn for_each_block_index(&self, mut f: impl FnMut(&[u32])) {
        let nb = self.numblocks();
        let total: usize = nb.iter().product();
        let mut idx = vec![0u32; nb.len()];
        for _ in 0..total {
            f(&idx);
            for ax in (0..nb.len()).rev() {
                idx[ax] += 1;
                if (idx[ax] as usize) < nb[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
    }

    /// Bytes of the largest block (for memory estimates).
    /// Unknown sizes estimate 0 (the scheduler's live-byte count ignores them).
    pub fn max_block_bytes(&self) -> u64 {
        if self.has_unknown() {
            return 0;
        }
        let elems = self
            .chunksize()
            .iter()
            .fold(1u64, |a, &n| a.saturating_mul(n as u64));
        elems.saturating_mul(self.dtype.itemsize() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_arithmetic() {
        let m = Meta::new(vec![5, 4], vec![vec![2, 2, 1], vec![4]], DType::Float64);
        assert_eq!(m.numblocks(), vec![3, 1]);
        assert_eq!(m.nblocks(), 3);
        assert_eq!(m.block_shape(&[2, 0]), vec![1, 4]);
        assert_eq!(m.block_offset(&[2, 0]), vec![4, 0]);
        assert_eq!(m.block_indices(), vec![vec![0, 0], vec![1, 0], vec![2, 0]]);
        assert_eq!(m.nbytes(), 160);
        let scalar = Meta::new(vec![], vec![], DType::Int64);
        assert_eq!(scalar.nblocks(), 1);
        assert_eq!(scalar.block_indices(), vec![Vec::<u32>::new()]);
    }
}
