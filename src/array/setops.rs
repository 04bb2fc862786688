//! Lazy `isin`, `unique` and `bincount`, as Dask builds them: per-block
//! work first, then one task that merges the per-block results (for
//! `unique` and `bincount`, whose result has one block).

use super::error::ArrayError;
use super::mask::ravel;
use super::meta::{Meta, UNKNOWN};
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{self, setops, Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use std::sync::Arc;

fn node(
    prefix: &str,
    meta: Meta,
    plan: Arc<dyn BlockPlan>,
    inputs: Vec<Array>,
    extra: &[u64],
) -> Array {
    let mut t = Tokenizer::new();
    t.str(prefix);
    for i in &inputs {
        t.str(i.name());
    }
    for &e in extra {
        t.u64(e);
    }
    Array::from_op(prefix, &t, meta, Op::Plan { plan, inputs })
}

struct IsIn {
    /// Every block index of the test array.
    test_blocks: Vec<Vec<u32>>,
    invert: bool,
}

impl BlockPlan for IsIn {
    fn name(&self) -> &str {
        "isin"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut v = vec![(0, idx.to_vec())];
        v.extend(self.test_blocks.iter().map(|b| (1, b.clone())));
        v
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let flat: Vec<Chunk> = inputs[1..]
            .iter()
            .map(|c| chunk::reshape(c, &[-1]))
            .collect::<Result<_, _>>()?;
        let test = chunk::concatenate(&flat, 0)?;
        setops::isin(inputs[0], &test, self.invert)
    }
}

/// `da.isin(element, test_elements, invert)`: a bool array chunked like
/// `element`; each block reads every block of `test_elements`.
pub fn isin(element: &Array, test: &Array, invert: bool) -> Result<Array, ArrayError> {
    let m = element.meta();
    let meta = Meta::new(m.shape.clone(), m.chunks.clone(), DType::Bool);
    let plan = IsIn {
        test_blocks: test.meta().block_indices(),
        invert,
    };
    Ok(node(
        "isin",
        meta,
        Arc::new(plan),
        vec![element.clone(), test.clone()],
        &[invert as u64],
    ))
}

/// Per block of a 1-D array: its distinct values (`counts: false`) or how
/// often each occurs (`counts: true`).
struct UniquePart {
    counts: bool,
}

impl BlockPlan for UniquePart {
    fn name(&self) -> &str {
        "unique-chunk"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        vec![(0, idx.to_vec())]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let (v, c) = setops::unique_counts(inputs[0], None)?;
        Ok(if self.counts { c } else { v })
    }
}

/// One block from every partial: merged values, or merged counts.
struct UniqueMerge {
    nblocks: u32,
    counts: bool,
}

impl BlockPlan for UniqueMerge {
    fn name(&self) -> &str {
        "unique-aggregate"
    }
    fn reads(&self, _idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut v: Vec<(usize, Vec<u32>)> = (0..self.nblocks).map(|b| (0, vec![b])).collect();
        v.extend((0..self.nblocks).map(|b| (1, vec![b])));
        v
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let n = self.nblocks as usize;
        let vals: Vec<Chunk> = inputs[..n].iter().map(|c| (*c).clone()).collect();
        let cnts: Vec<Chunk> = inputs[n..].iter().map(|c| (*c).clone()).collect();
        let (v, c) = setops::unique_merge(&vals, &cnts)?;
        Ok(if self.counts { c } else { v })
    }
}

/// `da.unique(a, return_counts)`: the sorted distinct values of the
/// flattened array (and their int64 counts), each one block of unknown length.
pub fn unique(a: &Array, return_counts: bool) -> Result<(Array, Option<Array>), ArrayError> {
    let flat = ravel(a)?;
    let m = flat.meta();
    let nb = m.nblocks();
    let part_meta = |d: DType| Meta::new(vec![UNKNOWN], vec![vec![UNKNOWN; nb]], d);
    let pv = node(
        "unique-chunk",
        part_meta(m.dtype),
        Arc::new(UniquePart { counts: false }),
        vec![flat.clone()],
        &[0],
    );
    let pc = node(
        "unique-chunk",
        part_meta(DType::Int64),
        Arc::new(UniquePart { counts: true }),
        vec![flat.clone()],
        &[1],
    );
    let one = |d: DType| Meta::new(vec![UNKNOWN], vec![vec![UNKNOWN]], d);
    let merge = |counts: bool, d: DType| {
        node(
            "unique-aggregate",
            one(d),
            Arc::new(UniqueMerge {
                nblocks: nb as u32,
                counts,
            }),
            vec![pv.clone(), pc.clone()],
            &[counts as u64],
        )
    };
    let values = merge(false, m.dtype);
    let counts = return_counts.then(|| merge(true, DType::Int64));
    Ok((values, counts))
}

struct BinCountPart {
    minlength: usize,
    weighted: bool,
}

impl BlockPlan for BinCountPart {
    fn name(&self) -> &str {
        "bincount"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut v = vec![(0, idx.to_vec())];
        if self.weighted {
            v.push((1, idx.to_vec()));
        }
        v
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        setops::bincount(inputs[0], inputs.get(1).copied(), self.minlength)
    }
}

struct BinCountSum {
    nblocks: u32,
    minlength: usize,
    dtype: DType,
}

impl BlockPlan for BinCountSum {
    fn name(&self) -> &str {
        "bincount-aggregate"
    }
    fn reads(&self, _idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        (0..self.nblocks).map(|b| (0, vec![b])).collect()
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let r = setops::add_padded(inputs, self.minlength, self.dtype)?;
        if self.minlength > 0 && r.size() > self.minlength {
            return Err(ChunkError::Value(format!(
                "bincount: the values reach {}, beyond minlength={}; a lazy bincount's length is fixed when it is built, so pass minlength > x.max() (or minlength=0)",
                r.size() - 1,
                self.minlength
            )));
        }
        Ok(r)
    }
}

/// `da.bincount(x, weights, minlength)`: one block; its length is unknown
/// until computed unless `minlength` is given (Dask's rule).
pub fn bincount(x: &Array, weights: Option<&Array>, minlength: usize) -> Result<Array, ArrayError> {
    let m = x.meta();
    if m.ndim() != 1 {
        return Err(ArrayError::Value(
            "Input array must be one dimensional. Try using x.ravel()".into(),
        ));
    }
    if let Some(w) = weights {
        if w.meta().chunks != m.chunks {
            return Err(ArrayError::Value(
                "Chunks of input array x and weights must match.".into(),
            ));
        }
    }
    let dtype = if weights.is_some() {
        DType::Float64
    } else {
        DType::Int64
    };
    let size = if minlength == 0 { UNKNOWN } else { minlength };
    let nb = m.nblocks();
    let mut inputs = vec![x.clone()];
    inputs.extend(weights.cloned());
    let parts = node(
        "bincount",
        Meta::new(vec![UNKNOWN], vec![vec![UNKNOWN; nb]], dtype),
        Arc::new(BinCountPart {
            minlength,
            weighted: weights.is_some(),
        }),
        inputs,
        &[minlength as u64],
    );
    Ok(node(
        "bincount-aggregate",
        Meta::new(vec![size], vec![vec![size]], dtype),
        Arc::new(BinCountSum {
            nblocks: nb as u32,
            minlength,
            dtype,
        }),
        vec![parts],
        &[minlength as u64],
    ))
}
