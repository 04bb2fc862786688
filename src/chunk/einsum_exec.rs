//! Evaluating a parsed einsum on chunks. Each operand first loses its repeated
//! labels (diagonals), its length-1 broadcast axes and the labels only it has
//! that the output drops (summed); operands are then combined two at a time.
//! A pair with contracted labels is a (batched) matrix product through
//! `linalg::matmul2` when the products are matrix-shaped, else a broadcast
//! multiply and a sum; a pair without is a broadcast multiply.

use super::blocks::{permute, sub, write_block};
use super::einsum::{parse, Label, Spec};
use super::error::Result;
use super::{
    binary, check_alloc, linalg, reduce, reshape, BinaryOp, Chunk, ChunkError, DType, ReduceOp,
};
use ndarray::{ArrayD, Dimension, IxDyn};
use std::collections::BTreeMap;

/// `np.einsum(subscripts, *operands)` on chunks.
pub fn einsum(subscripts: &str, ops: &[&Chunk]) -> Result<Chunk> {
    let ndims: Vec<usize> = ops.iter().map(|c| c.ndim()).collect();
    let spec = parse(subscripts, &ndims).map_err(|e| ChunkError::Value(e.to_string()))?;
    run(&spec, ops)
}

/// One operand on the way: its data and the label of each axis.
struct Term {
    c: Chunk,
    labels: Vec<Label>,
}

/// The dtype einsum computes in: NumPy's promoted dtype, with bool and the
/// narrow ints widened to int64 (cast back at the end, so ints still wrap).
fn work_dtype(dt: DType) -> DType {
    match dt {
        DType::Float32 | DType::Float64 | DType::Int64 | DType::UInt64 => dt,
        _ => DType::Int64,
    }
}

/// Evaluate `spec` on `ops` (also each block task of a lazy einsum). The
/// result has NumPy's promoted dtype (bool products add as "or").
pub fn run(spec: &Spec, ops: &[&Chunk]) -> Result<Chunk> {
    let shapes: Vec<&[usize]> = ops.iter().map(|c| c.shape()).collect();
    let sizes = spec
        .sizes(&shapes)
        .map_err(|e| ChunkError::Value(e.to_string()))?;
    let dt = ops
        .iter()
        .map(|c| c.dtype())
        .reduce(DType::promote)
        .ok_or_else(|| ChunkError::Value("No input operands".into()))?;
    let work = work_dtype(dt);
    let mut terms = Vec::with_capacity(ops.len());
    for (op, labels) in ops.iter().zip(&spec.inputs) {
        terms.push(normalize(op, labels, &sizes, work)?);
    }
    // Labels only one operand has (after broadcasting) and the output drops.
    for i in 0..terms.len() {
        let others: Vec<Label> = terms
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .flat_map(|(_, t)| t.labels.iter().copied())
            .collect();
        sum_lone(&mut terms[i], &spec.output, &others, work)?;
    }
    let mut terms = terms.into_iter();
    let mut acc = terms.next().expect("at least one operand");
    let rest: Vec<Term> = terms.collect();
    for (k, t) in rest.iter().enumerate() {
        let mut keep = spec.output.clone();
        keep.extend(rest[k + 1..].iter().flat_map(|t| t.labels.iter().copied()));
        acc = pair(&acc, t, &keep)?;
    }
    let perm: Vec<usize> = spec
        .output
        .iter()
        .map(|l| acc.labels.iter().position(|x| x == l))
        .collect::<Option<_>>()
        .ok_or_else(|| ChunkError::Shape("einsum lost an output label".into()))?;
    let out = if perm.iter().enumerate().all(|(i, &p)| i == p) && perm.len() == acc.c.ndim() {
        acc.c
    } else {
        permute(&acc.c, &perm)?
    };
    out.to_dtype(dt)
}

/// The diagonal over axes `a < b`: axis `b` is dropped, and element `i` of
/// axis `a` is the input's `[.., i, .., i, ..]`.
fn diagonal(c: &Chunk, a: usize, b: usize) -> Result<Chunk> {
    let mut shape = c.shape().to_vec();
    shape.remove(b);
    check_alloc(&shape, c.dtype())?;
    Ok(dispatch_chunk!(c, arr => {
        let out = ArrayD::from_shape_fn(IxDyn(&shape), |ix| {
            let mut full: Vec<usize> = ix.slice().to_vec();
            full.insert(b, full[a]);
            arr[IxDyn(&full)]
        });
        Chunk::from_array(out)
    }))
}

fn as_isize(shape: &[usize]) -> Vec<isize> {
    shape.iter().map(|&n| n as isize).collect()
}

/// One operand in `work` dtype with unique labels and no broadcast axes.
fn normalize(
    op: &Chunk,
    labels: &[Label],
    sizes: &BTreeMap<Label, usize>,
    work: DType,
) -> Result<Term> {
    let mut c = op.to_dtype(work)?;
    let mut labels = labels.to_vec();
    while let Some((a, b)) = (0..labels.len()).find_map(|a| {
        (a + 1..labels.len())
            .find(|&b| labels[b] == labels[a])
            .map(|b| (a, b))
    }) {
        c = diagonal(&c, a, b)?;
        labels.remove(b);
    }
    // A length-1 axis of a longer label broadcasts: the label leaves this operand.
    let bcast: Vec<bool> = labels
        .iter()
        .zip(c.shape())
        .map(|(l, &n)| n == 1 && sizes.get(l).copied().unwrap_or(1) != 1)
        .collect();
    if bcast.iter().any(|&b| b) {
        let shape: Vec<isize> = c
            .shape()
            .iter()
            .zip(&bcast)
            .filter(|(_, &b)| !b)
            .map(|(&n, _)| n as isize)
            .collect();
        c = reshape(&c, &shape)?;
        labels = labels
            .into_iter()
            .zip(&bcast)
            .filter(|(_, &b)| !b)
            .map(|(l, _)| l)
            .collect();
    }
    Ok(Term { c, labels })
}

/// Sum away the labels of `t` that neither the output nor `others` have.
fn sum_lone(t: &mut Term, output: &[Label], others: &[Label], work: DType) -> Result<()> {
    let lone: Vec<isize> = (0..t.labels.len())
        .filter(|&ax| !output.contains(&t.labels[ax]) && !others.contains(&t.labels[ax]))
        .map(|ax| ax as isize)
        .collect();
    if !lone.is_empty() {
        t.c = reduce(&t.c, ReduceOp::Sum, Some(&lone), false, 0)?.to_dtype(work)?;
        t.labels = (0..t.labels.len())
            .filter(|ax| !lone.contains(&(*ax as isize)))
            .map(|ax| t.labels[ax])
            .collect();
    }
    Ok(())
}

/// `t` with its axes in `order` (labels it has), then reshaped to `shape`.
fn arrange(t: &Term, order: &[Label], shape: &[usize]) -> Result<Chunk> {
    let perm: Vec<usize> = order
        .iter()
        .map(|l| {
            t.labels
                .iter()
                .position(|x| x == l)
                .expect("label of this term")
        })
        .collect();
    let c = if perm.iter().enumerate().all(|(i, &p)| i == p) {
        t.c.clone()
    } else {
        permute(&t.c, &perm)?
    };
    reshape(&c, &as_isize(shape))
}

/// Combine two terms, summing the shared labels `keep` does not list.
fn pair(a: &Term, b: &Term, keep: &[Label]) -> Result<Term> {
    let in_b = |l: &Label| b.labels.contains(l);
    let batch: Vec<Label> = a
        .labels
        .iter()
        .copied()
        .filter(|l| in_b(l) && keep.contains(l))
        .collect();
    let contr: Vec<Label> = a
        .labels
        .iter()
        .copied()
        .filter(|l| in_b(l) && !keep.contains(l))
        .collect();
    let left: Vec<Label> = a.labels.iter().copied().filter(|l| !in_b(l)).collect();
    let right: Vec<Label> = b
        .labels
        .iter()
        .copied()
        .filter(|l| !a.labels.contains(l))
        .collect();
    let size_of = |l: &Label| -> usize {
        let (t, ax) = match a.labels.iter().position(|x| x == l) {
            Some(ax) => (a, ax),
            None => (
                b,
                b.labels
                    .iter()
                    .position(|x| x == l)
                    .expect("label of a term"),
            ),
        };
        t.c.shape()[ax]
    };
    let dims = |ls: &[Label]| -> Vec<usize> { ls.iter().map(size_of).collect() };
    let ones = |n: usize| vec![1usize; n];
    let cat = |parts: &[&[usize]]| -> Vec<usize> { parts.concat() };
    let cat_l = |parts: &[&[Label]]| -> Vec<Label> { parts.concat() };
    let (bd, ld, rd, kd) = (dims(&batch), dims(&left), dims(&right), dims(&contr));
    let labels = cat_l(&[&batch, &left, &right]);
    let out_shape = cat(&[&bd, &ld, &rd]);
    let (bn, m, n, k) = (
        bd.iter().product::<usize>(),
        ld.iter().product::<usize>(),
        rd.iter().product::<usize>(),
        kd.iter().product::<usize>(),
    );
    if !contr.is_empty() && (bn == 1 || (m > 1 && n > 1)) {
        let a3 = arrange(a, &cat_l(&[&batch, &left, &contr]), &[bn, m, k])?;
        let b3 = arrange(b, &cat_l(&[&batch, &contr, &right]), &[bn, k, n])?;
        let mut out = Chunk::zeros(&[bn, m, n], a.c.dtype())?;
        for i in 0..bn {
            let a2 = reshape(
                &sub(&a3, &[i, 0, 0], &[1, m, k])?,
                &[m as isize, k as isize],
            )?;
            let b2 = reshape(
                &sub(&b3, &[i, 0, 0], &[1, k, n])?,
                &[k as isize, n as isize],
            )?;
            let p = linalg::matmul2(&a2, &b2)?;
            write_block(
                &mut out,
                &reshape(&p, &[1, m as isize, n as isize])?,
                &[i, 0, 0],
            )?;
        }
        let c = reshape(&out, &as_isize(&out_shape))?;
        return Ok(Term { c, labels });
    }
    let a_full = arrange(
        a,
        &cat_l(&[&batch, &left, &contr]),
        &cat(&[&bd, &ld, &ones(right.len()), &kd]),
    )?;
    let b_full = arrange(
        b,
        &cat_l(&[&batch, &right, &contr]),
        &cat(&[&bd, &ones(left.len()), &rd, &kd]),
    )?;
    let work = a.c.dtype();
    let mut c = binary(BinaryOp::Mul, &a_full, &b_full)?.to_dtype(work)?;
    if !contr.is_empty() {
        let first = out_shape.len();
        let axes: Vec<isize> = (first..first + contr.len()).map(|x| x as isize).collect();
        c = reduce(&c, ReduceOp::Sum, Some(&axes), false, 0)?.to_dtype(work)?;
    }
    Ok(Term { c, labels })
}

#[cfg(test)]
#[path = "einsum_exec_tests.rs"]
mod tests;
