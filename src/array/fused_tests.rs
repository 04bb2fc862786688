//! Fused reductions give the same values as the graph with every intermediate
//! materialised, and their tasks really absorb the fused operations.

use super::chunks::{AxisSpec, ChunkSpec};
use super::creation::{self, Distribution};
use super::slicing::IndexItem;
use super::tests::close;
use super::*;
use crate::chunk::{BinaryOp, Chunk, PyScalar, ReduceOp};
use crate::sched::{CancelToken, Scheduler};

fn opts() -> ComputeOptions<'static> {
    ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new())
}

/// `outputs[0]` computed alone (fused) and next to the other outputs, which
/// forces those intermediates to be materialised and read as blocks.
fn fused_and_materialised(outputs: &[Array]) -> (Chunk, Chunk) {
    let alone = compute(&outputs[..1], &opts()).unwrap().0.remove(0);
    let both = compute(outputs, &opts()).unwrap().0.remove(0);
    (alone, both)
}

fn task_names(a: &Array) -> Vec<String> {
    let g = lower::lower(std::slice::from_ref(a)).unwrap();
    g.nodes().iter().map(|n| n.task.name.to_string()).collect()
}

fn scalar(op: BinaryOp, a: &Array, v: f64, left: bool) -> Array {
    elementwise::binary_scalar(op, a, PyScalar::Float(v), left).unwrap()
}

/// The Lennard-Jones tutorial: pairwise differences through `[:, None, :]`
/// slices, a shared `diff * diff`, a sum over the 3 coordinates, then a
/// chain of scalar kernels and a nan-sum — all inside the nansum's tasks.
#[test]
fn lennard_jones_fuses_into_the_outer_reduction() {
    let n = 90;
    let spec = ChunkSpec::PerAxis(vec![AxisSpec::Size(40), AxisSpec::Size(3)]);
    let c = creation::random(Distribution::Normal(0.0, 5.0), 3, &[n, 3], &spec).unwrap();
    let full = IndexItem::Slice(None, None, None);
    let a = slicing::getitem(&c, &[full.clone(), IndexItem::NewAxis, full.clone()]).unwrap();
    let b = slicing::getitem(&c, &[IndexItem::NewAxis, full.clone(), full]).unwrap();
    let diff = elementwise::binary(BinaryOp::Sub, &a, &b).unwrap();
    let sq = elementwise::binary(BinaryOp::Mul, &diff, &diff).unwrap();
    let d2 = reduction::reduce(&sq, ReduceOp::Sum, Some(&[-1]), false, 0, None).unwrap();
    let inv = scalar(BinaryOp::TrueDiv, &d2, 1.0, true);
    let sr6 = scalar(BinaryOp::Pow, &inv, 3.0, false);
    let sq6 = elementwise::binary(BinaryOp::Mul, &sr6, &sr6).unwrap();
    let dif6 = elementwise::binary(BinaryOp::Sub, &sq6, &sr6).unwrap();
    let pot = scalar(BinaryOp::Mul, &dif6, 4.0, true);
    let e = reduction::reduce(&pot, ReduceOp::NanSum, None, false, 0, None).unwrap();

    let names = task_names(&e);
    assert!(
        names
            .iter()
            .all(|t| !t.starts_with("sub") && !t.starts_with("mul")),
        "{names:?}"
    );
    // 3 x 3 root blocks, a combine tree (3 + 1) and the final task.
    assert!(names.len() <= 9 + 4 + 1, "{names:?}");

    for (i, other) in [d2.clone(), diff.clone(), sq.clone(), a.clone()]
        .iter()
        .enumerate()
    {
        let (alone, both) = fused_and_materialised(&[e.clone(), other.clone()]);
        close(&alone, &both);
        assert!(alone.to_f64_vec()[0].is_finite(), "case {i}");
    }
}

/// Reductions, transposes and other outputs read as blocks (leaves), with
/// broadcasting, next to a fused transposed source.
#[test]
fn leaves_transposes_and_broadcasting() {
    let spec = ChunkSpec::PerAxis(vec![AxisSpec::Size(25), AxisSpec::Size(20)]);
    let x = creation::random(Distribution::Uniform(0.0, 1.0), 1, &[60, 50], &spec).unwrap();
    let w = creation::random(
        Distribution::Normal(1.0, 2.0),
        2,
        &[50, 60],
        &ChunkSpec::Uniform(20),
    )
    .unwrap();
    let wt = manipulation::transpose(&w, None).unwrap();
    let m = reduction::reduce(&x, ReduceOp::Mean, Some(&[0]), false, 0, None).unwrap();
    let centred = elementwise::binary(BinaryOp::Sub, &x, &m).unwrap();
    let expr = elementwise::binary(BinaryOp::Add, &centred, &wt).unwrap();
    for (op, axes) in [
        (ReduceOp::Std, Some(&[1isize][..])),
        (ReduceOp::Sum, None),
        (ReduceOp::ArgMax, Some(&[0][..])),
        (ReduceOp::Max, Some(&[0][..])),
    ] {
        let r = reduction::reduce(&expr, op, axes, false, 0, None).unwrap();
        let names = task_names(&r);
        assert!(
            names.iter().all(|t| !t.starts_with("add")),
            "{op:?}: {names:?}"
        );
        for other in [wt.clone(), centred.clone(), m.clone()] {
            let (alone, both) = fused_and_materialised(&[r.clone(), other]);
            close(&alone, &both);
        }
    }
}

/// Slices with integers, offsets and new axes fuse; a stepped slice does not
/// (it is computed as blocks) and still gives the same values.
#[test]
fn slices_fuse_with_their_source() {
    let big = creation::random(
        Distribution::Normal(0.0, 1.0),
        9,
        &[4, 80, 70],
        &ChunkSpec::Uniform(30),
    )
    .unwrap();
    let cases: Vec<Vec<IndexItem>> = vec![
        vec![
            IndexItem::Int(2),
            IndexItem::Slice(Some(10), Some(70), None),
            IndexItem::Slice(Some(5), Some(65), None),
        ],
        vec![
            IndexItem::Slice(None, None, None),
            IndexItem::NewAxis,
            IndexItem::Int(-1),
        ],
        vec![IndexItem::Int(1), IndexItem::Slice(None, None, Some(3))],
    ];
    for index in cases {
        let s = slicing::getitem(&big, &index).unwrap();
        let sq = elementwise::binary(BinaryOp::Mul, &s, &s).unwrap();
        for axes in [None, Some(&[0isize][..])] {
            let r = reduction::reduce(&sq, ReduceOp::Sum, axes, true, 0, None).unwrap();
            let (alone, both) = fused_and_materialised(&[r.clone(), s.clone()]);
            close(&alone, &both);
        }
    }
}
