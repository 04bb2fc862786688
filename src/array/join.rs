//! Joining lazy arrays: `concatenate` along an existing axis and `stack` along
//! a new one. Each output block is one input block (re-labelled, or with the
//! new axis inserted), so joining builds no per-element work.

use super::elementwise::astype;
use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use crate::chunk::{self, Chunk, ChunkError, DType};
use crate::graph::Tokenizer;
use std::sync::Arc;

/// Cast every input to the common dtype and give every axis but `skip` the
/// common refinement of all inputs' chunks (Dask's `unify_chunks`), so
/// blocks line up across inputs.
fn unify(arrays: &[Array], skip: Option<usize>) -> Result<Vec<Array>, ArrayError> {
    let dtype = arrays
        .iter()
        .map(|a| a.meta().dtype)
        .reduce(DType::promote)
        .expect("at least one array");
    let mut first = arrays[0].meta().chunks.clone();
    if !arrays.iter().any(|a| a.meta().has_unknown()) {
        for (ax, c) in first.iter_mut().enumerate() {
            if Some(ax) == skip {
                continue;
            }
            for a in &arrays[1..] {
                if let Some(other) = a.meta().chunks.get(ax) {
                    let refined = super::diff::common_refinement(c, other);
                    if !refined.is_empty() {
                        *c = refined;
                    }
                }
            }
        }
    }
    arrays
        .iter()
        .map(|a| {
            let a = astype(a, dtype)?;
            let mut want = a.meta().chunks.clone();
            for (ax, c) in first.iter().enumerate() {
                if Some(ax) != skip {
                    want[ax] = c.clone();
                }
            }
            if want == a.meta().chunks {
                Ok(a)
            } else {
                rechunk(&a, want)
            }
        })
        .collect()
}

fn norm_axis(axis: isize, ndim: usize) -> Result<usize, ArrayError> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(ArrayError::Value(format!(
            "axis {axis} is out of bounds for array of dimension {ndim}"
        )));
    }
    Ok(if axis < 0 { axis + n } else { axis } as usize)
}

fn token(prefix: &str, arrays: &[Array], axis: usize) -> Tokenizer {
    let mut t = Tokenizer::new();
    t.str(prefix).u64(axis as u64).group(arrays.len());
    for a in arrays {
        t.str(a.name());
    }
    t
}

struct Concat {
    axis: usize,
    /// First output block (along `axis`) of each input, plus the total.
    starts: Vec<u32>,
}

impl BlockPlan for Concat {
    fn name(&self) -> &str {
        "concatenate"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let b = idx[self.axis];
        let k = self.starts.partition_point(|&s| s <= b) - 1;
        let mut at = idx.to_vec();
        at[self.axis] = b - self.starts[k];
        vec![(k, at)]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        Ok(inputs[0].clone())
    }
}

/// `da.concatenate(arrays, axis)`: NumPy's shape rules and dtype promotion.
pub fn concatenate(arrays: &[Array], axis: isize) -> Result<Array, ArrayError> {
    let first = arrays
        .first()
        .ok_or_else(|| ArrayError::Value("Need array(s) to concatenate".into()))?;
    let nd = first.meta().ndim();
    if nd == 0 {
        return Err(ArrayError::Value(
            "zero-dimensional arrays cannot be concatenated".into(),
        ));
    }
    let ax = norm_axis(axis, nd)?;
    for (i, a) in arrays.iter().enumerate().skip(1) {
        let m = a.meta();
        if m.ndim() != nd {
            return Err(ArrayError::Shape(format!(
                "all the input arrays must have same number of dimensions, but the array at index 0 has {nd} dimension(s) and the array at index {i} has {} dimension(s)",
                m.ndim()
            )));
        }
        for d in (0..nd).filter(|&d| d != ax) {
            if m.shape[d] != first.meta().shape[d] {
                return Err(ArrayError::Shape(format!(
                    "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {} and the array at index {i} has size {}",
                    first.meta().shape[d],
                    m.shape[d]
                )));
            }
        }
    }
    if arrays.len() == 1 {
        return Ok(first.clone());
    }
    let parts = unify(arrays, Some(ax))?;
    let mut chunks = parts[0].meta().chunks.clone();
    chunks[ax] = parts
        .iter()
        .flat_map(|a| a.meta().chunks[ax].iter().copied())
        .collect();
    let mut shape = parts[0].meta().shape.clone();
    // Saturating: an unknown length (UNKNOWN = usize::MAX) stays unknown.
    shape[ax] = parts
        .iter()
        .fold(0usize, |acc, a| acc.saturating_add(a.meta().shape[ax]));
    let mut starts = vec![0u32];
    for a in &parts {
        starts.push(starts[starts.len() - 1] + a.meta().chunks[ax].len() as u32);
    }
    let meta = Meta::new(shape, chunks, parts[0].meta().dtype);
    Ok(Array::from_op(
        "concatenate",
        &token("concatenate", &parts, ax),
        meta,
        Op::Plan {
            plan: Arc::new(Concat { axis: ax, starts }),
            inputs: parts,
        },
    ))
}

struct Stack {
    axis: usize,
    /// Shape of the output block with the new axis (length 1) inserted.
    ndim: usize,
}

impl BlockPlan for Stack {
    fn name(&self) -> &str {
        "stack"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        let mut at = idx.to_vec();
        let k = at.remove(self.axis);
        vec![(k as usize, at)]
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let c = inputs[0];
        let mut shape: Vec<isize> = c.shape().iter().map(|&d| d as isize).collect();
        shape.insert(self.axis, 1);
        debug_assert_eq!(shape.len(), self.ndim);
        chunk::reshape(c, &shape)
    }
}

/// `da.stack(arrays, axis)`: equal shapes, one new axis with one block per input.
pub fn stack(arrays: &[Array], axis: isize) -> Result<Array, ArrayError> {
    let first = arrays
        .first()
        .ok_or_else(|| ArrayError::Value("need at least one array to stack".into()))?;
    if let Some(i) = arrays
        .iter()
        .position(|a| a.meta().shape != first.meta().shape)
    {
        let s = |v: &[usize]| crate::chunk::shape_str(v);
        return Err(ArrayError::Shape(format!(
            "Stacked arrays must have the same shape. The first array had shape {}, while array {} has shape {}.",
            s(&first.meta().shape),
            i + 1,
            s(&arrays[i].meta().shape)
        )));
    }
    let nd = first.meta().ndim() + 1;
    let ax = norm_axis(axis, nd)?;
    let parts = unify(arrays, None)?;
    let m = parts[0].meta();
    let mut shape = m.shape.clone();
    shape.insert(ax, parts.len());
    let mut chunks = m.chunks.clone();
    chunks.insert(ax, vec![1; parts.len()]);
    let meta = Meta::new(shape, chunks, m.dtype);
    Ok(Array::from_op(
        "stack",
        &token("stack", &parts, ax),
        meta,
        Op::Plan {
            plan: Arc::new(Stack { axis: ax, ndim: nd }),
            inputs: parts,
        },
    ))
}
