//! Lazy `einsum`, as Dask builds it: the operands' blocks are aligned per
//! label (common refinement), each output block over (output labels,
//! contracted labels) is the chunk einsum of one block of every operand with
//! a length-1 axis per contracted label, and a tree `sum` over those axes
//! finishes the contraction. Building is O(1) in the number of blocks.

use super::einsum_chunks::einsum_chunks;
use super::elementwise::astype;
use super::error::ArrayError;
use super::manipulation::rechunk;
use super::meta::Meta;
use super::node::{Array, BlockPlan, Op};
use super::reduction::reduce;
use super::slicing::{getitem, IndexItem};
use crate::chunk::einsum::{parse, Label, Spec};
use crate::chunk::{einsum_exec, reshape, Chunk, ChunkError, DType, ReduceOp};
use crate::graph::Tokenizer;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Dask's own checks of the subscripts (its `parse_einsum_input` and
/// `blockwise`), which come before NumPy's and word their errors differently.
fn dask_checks(subscripts: &str, ndims: &[usize]) -> Result<(), ArrayError> {
    let bad = |m: String| Err(ArrayError::Value(m));
    let s: String = subscripts.chars().filter(|&c| c != ' ').collect();
    if let Some(c) = s
        .chars()
        .find(|&c| !".,->".contains(c) && !c.is_ascii_alphabetic())
    {
        return bad(format!("Character {c} is not a valid symbol."));
    }
    if (s.contains('-') || s.contains('>'))
        && (s.matches('-').count() > 1
            || s.matches('>').count() > 1
            || s.matches("->").count() != 1)
    {
        return bad("Subscripts can only contain one '->'.".into());
    }
    let (ins, out) = match s.split_once("->") {
        Some((i, o)) => (i, Some(o)),
        None => (s.as_str(), None),
    };
    let terms: Vec<&str> = ins.split(',').collect();
    if terms
        .iter()
        .any(|t| t.contains('.') && (t.matches('.').count() != 3 || !t.contains("...")))
    {
        return bad("Invalid Ellipses.".into());
    }
    if let Some(o) = out {
        if let Some(c) = o
            .chars()
            .find(|&c| c.is_ascii_alphabetic() && !ins.contains(c))
        {
            return bad(format!("Output character {c} did not appear in the input"));
        }
    }
    if terms.len() != ndims.len() {
        return bad("Number of einsum subscripts must be equal to the number of operands.".into());
    }
    if let Some(o) = out {
        let mut rep: Vec<char> = Vec::new();
        for c in o.chars().filter(char::is_ascii_alphabetic) {
            if o.matches(c).count() > 1 && !rep.contains(&c) {
                rep.push(c);
            }
        }
        if !rep.is_empty() {
            let names: Vec<String> = rep.iter().map(|c| format!("'{c}'")).collect();
            return bad(format!(
                "('Repeated elements not allowed in output index', [{}])",
                names.join(", ")
            ));
        }
    }
    for (t, &n) in terms.iter().zip(ndims) {
        if !t.contains('.') && t.len() != n {
            let idx: Vec<String> = t.chars().map(|c| format!("'{c}'")).collect();
            let comma = if idx.len() == 1 { "," } else { "" };
            return bad(format!(
                "Index string ({}{comma}) does not match array dimension {n}",
                idx.join(", ")
            ));
        }
    }
    Ok(())
}

/// Output block (output labels…, contracted labels…) from one block of each operand.
struct EinsumBlocks {
    /// The block-level einsum (output: the output labels only).
    spec: Spec,
    /// Labels of the plan's axes: the output's, then the contracted ones.
    axes: Vec<Label>,
}

impl BlockPlan for EinsumBlocks {
    fn name(&self) -> &str {
        "einsum"
    }
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)> {
        self.spec
            .inputs
            .iter()
            .enumerate()
            .map(|(k, labels)| {
                let at = labels
                    .iter()
                    .map(|l| idx[self.axes.iter().position(|a| a == l).expect("plan axis")])
                    .collect();
                (k, at)
            })
            .collect()
    }
    fn run(&self, _idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError> {
        let r = einsum_exec::run(&self.spec, inputs)?;
        let mut shape: Vec<isize> = r.shape().iter().map(|&n| n as isize).collect();
        shape.resize(self.axes.len(), 1);
        reshape(&r, &shape)
    }
}

/// Drop the length-1 axes whose label is longer elsewhere (they broadcast).
fn squeeze_broadcast(
    a: &Array,
    labels: &[Label],
    sizes: &BTreeMap<Label, usize>,
) -> Result<(Array, Vec<Label>), ArrayError> {
    let drop: Vec<bool> = labels
        .iter()
        .zip(&a.meta().shape)
        .map(|(l, &n)| n == 1 && sizes[l] != 1)
        .collect();
    if !drop.contains(&true) {
        return Ok((a.clone(), labels.to_vec()));
    }
    let index: Vec<IndexItem> = drop
        .iter()
        .map(|&d| {
            if d {
                IndexItem::Int(0)
            } else {
                IndexItem::Slice(None, None, None)
            }
        })
        .collect();
    let kept = labels
        .iter()
        .zip(&drop)
        .filter(|(_, &d)| !d)
        .map(|(&l, _)| l)
        .collect();
    Ok((getitem(a, &index)?, kept))
}

/// `da.einsum(subscripts, *operands)`: Dask's checks and chunks, NumPy's
/// parsing, dtype (sums of narrow ints widen as Dask's `sum` does).
pub fn einsum(
    subscripts: &str,
    ops: &[Array],
    split_every: Option<usize>,
) -> Result<Array, ArrayError> {
    let ndims: Vec<usize> = ops.iter().map(|a| a.meta().ndim()).collect();
    dask_checks(subscripts, &ndims)?;
    let spec = parse(subscripts, &ndims).map_err(|e| ArrayError::Value(e.to_string()))?;
    if ops.iter().any(|a| a.meta().has_unknown()) {
        return Err(super::mask::unknown_message("einsum"));
    }
    let shapes: Vec<&[usize]> = ops.iter().map(|a| &a.meta().shape[..]).collect();
    let sizes = spec
        .sizes(&shapes)
        .map_err(|e| ArrayError::Shape(e.to_string()))?;
    let dtype = ops
        .iter()
        .map(|a| a.meta().dtype)
        .reduce(DType::promote)
        .ok_or_else(|| ArrayError::Value("No input operands".into()))?;
    let mut arrays = Vec::with_capacity(ops.len());
    let mut inputs = Vec::with_capacity(ops.len());
    for (a, labels) in ops.iter().zip(&spec.inputs) {
        let (a, labels) = squeeze_broadcast(&astype(a, dtype)?, labels, &sizes)?;
        arrays.push(a);
        inputs.push(labels);
    }
    // Dask's split of outer-product inputs, then one block grid per label.
    let chunks: Vec<Vec<Vec<usize>>> = arrays.iter().map(|a| a.meta().chunks.clone()).collect();
    let mut want = einsum_chunks(&chunks, &inputs, &spec.output);
    let mut grid: BTreeMap<Label, Vec<usize>> = BTreeMap::new();
    for (c, labels) in want.iter().zip(&inputs) {
        for (ax, l) in labels.iter().enumerate() {
            let g = grid.entry(*l).or_insert_with(|| c[ax].clone());
            let refined = super::diff::common_refinement(g, &c[ax]);
            if !refined.is_empty() {
                *g = refined;
            }
        }
    }
    for ((a, c), labels) in arrays.iter_mut().zip(&mut want).zip(&inputs) {
        for (ax, l) in labels.iter().enumerate() {
            c[ax] = grid[l].clone();
        }
        if *c != a.meta().chunks {
            *a = rechunk(a, c.clone())?;
        }
    }
    let contracted: Vec<Label> = {
        let mut v: Vec<Label> = inputs
            .iter()
            .flatten()
            .copied()
            .filter(|l| !spec.output.contains(l))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut axes = spec.output.clone();
    axes.extend(&contracted);
    let mut shape = Vec::with_capacity(axes.len());
    let mut out_chunks = Vec::with_capacity(axes.len());
    for l in &axes {
        let g = grid.get(l).cloned().unwrap_or_else(|| vec![sizes[l]]);
        if spec.output.contains(l) {
            shape.push(g.iter().sum());
            out_chunks.push(g);
        } else {
            shape.push(g.len());
            out_chunks.push(vec![1; g.len()]);
        }
    }
    let block_spec = Spec {
        inputs,
        output: spec.output.clone(),
    };
    let mut t = Tokenizer::new();
    t.str("einsum")
        .str(&format!("{block_spec:?}"))
        .group(arrays.len());
    for a in &arrays {
        t.str(a.name());
    }
    let node = Array::from_op(
        "einsum",
        &t,
        Meta::new(shape, out_chunks, dtype),
        Op::Plan {
            plan: Arc::new(EinsumBlocks {
                spec: block_spec,
                axes,
            }),
            inputs: arrays,
        },
    );
    if contracted.is_empty() {
        return Ok(node);
    }
    let n = spec.output.len();
    let sum_axes: Vec<isize> = (n..n + contracted.len()).map(|x| x as isize).collect();
    reduce(&node, ReduceOp::Sum, Some(&sum_axes), false, 0, split_every)
}

#[cfg(test)]
#[path = "einsum_tests.rs"]
mod tests;
