//! Property tests: for random shapes (0–4 axes, with size-0 and size-1 axes),
//! random chunkings and random chains of operations, the lazy result computed
//! block by block equals the eager chunk kernels applied to the whole array.

use super::chunks::{AxisSpec, ChunkSpec};
use super::slicing::IndexItem;
use super::*;
use crate::array::chunks::blocks_of;
use crate::chunk::{self, BinaryOp, Chunk, DType, IndexElem, PyScalar, ReduceOp, UnaryOp};
use crate::sched::{CancelToken, Scheduler};
use proptest::prelude::*;

/// One step of a chain, applied to both the lazy array and the eager chunk.
#[derive(Clone, Debug)]
enum Step {
    Unary(UnaryOp),
    Scalar(BinaryOp, i8, bool),
    WithSelf(BinaryOp),
    Reduce(ReduceOp, Vec<bool>, bool),
    Slice(Vec<(Option<i8>, Option<i8>, i8)>),
    Index(i8),
    Transpose(Vec<u8>),
    Rechunk(Vec<u8>),
    AsType(DType),
    /// A pad mode (0–3 edge/reflect/symmetric/wrap, 4–5 maximum/minimum),
    /// per-axis widths and stat lengths, odd reflection.
    Pad(u8, Vec<(u8, u8)>, Vec<u8>, bool),
}

const UNARIES: &[UnaryOp] = &[
    UnaryOp::Neg,
    UnaryOp::Abs,
    UnaryOp::Sqrt,
    UnaryOp::Sin,
    UnaryOp::Exp,
    UnaryOp::Square,
];
const BINARIES: &[BinaryOp] = &[
    BinaryOp::Add,
    BinaryOp::Sub,
    BinaryOp::Mul,
    BinaryOp::TrueDiv,
    BinaryOp::Maximum,
    BinaryOp::Lt,
];
const REDUCTIONS: &[ReduceOp] = &[
    ReduceOp::Sum,
    ReduceOp::Prod,
    ReduceOp::Mean,
    ReduceOp::Var,
    ReduceOp::Std,
    ReduceOp::Min,
    ReduceOp::Max,
    ReduceOp::Any,
    ReduceOp::ArgMax,
    ReduceOp::NanSum,
    ReduceOp::NanMax,
];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        prop::sample::select(UNARIES).prop_map(Step::Unary),
        (prop::sample::select(BINARIES), -3i8..4, any::<bool>())
            .prop_map(|(o, s, l)| Step::Scalar(o, s, l)),
        prop::sample::select(BINARIES).prop_map(Step::WithSelf),
        (
            prop::sample::select(REDUCTIONS),
            prop::collection::vec(any::<bool>(), 4),
            any::<bool>()
        )
            .prop_map(|(o, a, k)| Step::Reduce(o, a, k)),
        prop::collection::vec(
            (
                prop::option::of(-6i8..7),
                prop::option::of(-6i8..7),
                prop::sample::select(vec![1i8, 2, 3, -1, -2])
            ),
            0..4
        )
        .prop_map(Step::Slice),
        (-3i8..3).prop_map(Step::Index),
        prop::collection::vec(any::<u8>(), 4).prop_map(Step::Transpose),
        prop::collection::vec(1u8..5, 4).prop_map(Step::Rechunk),
        prop::sample::select(vec![DType::Float64, DType::Int64, DType::Float32])
            .prop_map(Step::AsType),
        (
            0u8..6,
            prop::collection::vec((0u8..9, 0u8..9), 4),
            prop::collection::vec(1u8..7, 4),
            any::<bool>()
        )
            .prop_map(|(m, w, l, o)| Step::Pad(m, w, l, o)),
    ]
}

/// Shape, per-axis chunk sizes, integer data?, and the chain.
fn case() -> impl Strategy<Value = (Vec<usize>, Vec<usize>, bool, Vec<Step>)> {
    prop::collection::vec(0usize..6, 0..5).prop_flat_map(|shape| {
        let chunks = shape.iter().map(|&d| 1..=d.max(1)).collect::<Vec<_>>();
        (
            Just(shape),
            chunks,
            any::<bool>(),
            prop::collection::vec(step(), 1..5),
        )
    })
}

fn data(shape: &[usize], ints: bool) -> Chunk {
    let n: usize = shape.iter().product();
    if ints {
        Chunk::from_vec(
            (0..n).map(|i| (i as i64 * 7) % 11 - 4).collect::<Vec<_>>(),
            shape,
        )
    } else {
        Chunk::from_vec(
            (0..n)
                .map(|i| ((i as f64) * 0.73).sin() * 3.0)
                .collect::<Vec<_>>(),
            shape,
        )
    }
    .expect("data")
}

/// What one step did on both sides.
enum Applied {
    /// Both built a result.
    Both(Array, Chunk),
    /// Both refused (e.g. an axis the array does not have).
    BothFail,
    /// The eager kernel failed on data (e.g. `min` of an empty axis); the lazy
    /// array builds, as Dask's does, and must fail when computed.
    FailsAtCompute(Array),
}

/// Apply one step to both sides; `None` when the step does not apply.
fn apply(s: &Step, lazy: &Array, eager: &Chunk) -> Option<Applied> {
    let nd = eager.ndim();
    let (l, e) = match s {
        Step::Unary(op) => (elementwise::unary(*op, "u", lazy), chunk::unary(*op, eager)),
        Step::Scalar(op, v, left) => (
            elementwise::binary_scalar(*op, lazy, PyScalar::Int(*v as i64), *left),
            chunk::binary_scalar(*op, eager, PyScalar::Int(*v as i64), *left),
        ),
        Step::WithSelf(op) => (
            elementwise::binary(*op, lazy, lazy),
            chunk::binary(*op, eager, eager),
        ),
        Step::Reduce(op, mask, keep) => {
            let mut axes: Vec<isize> = (0..nd).filter(|&i| mask[i]).map(|i| i as isize).collect();
            if op.is_arg() && axes.len() > 1 {
                axes.truncate(1);
            }
            let ax = (!axes.is_empty() || nd == 0).then_some(axes.as_slice());
            (
                reduction::reduce(lazy, *op, ax, *keep, 0, Some(2)),
                chunk::reduce(eager, *op, ax, *keep, 0),
            )
        }
        Step::Slice(items) => {
            let items: Vec<_> = items.iter().take(nd).collect();
            let li: Vec<IndexItem> = items
                .iter()
                .map(|(a, b, c)| {
                    IndexItem::Slice(a.map(i64::from), b.map(i64::from), Some(*c as i64))
                })
                .collect();
            let ei: Vec<IndexElem> = items
                .iter()
                .map(|(a, b, c)| IndexElem::Slice {
                    start: a.map(isize::from),
                    stop: b.map(isize::from),
                    step: *c as isize,
                })
                .collect();
            (slicing::getitem(lazy, &li), chunk::slice(eager, &ei))
        }
        Step::Index(i) => {
            if nd == 0 {
                return None;
            }
            (
                slicing::getitem(lazy, &[IndexItem::Int(*i as i64)]),
                chunk::slice(eager, &[IndexElem::Index(*i as isize)]),
            )
        }
        Step::Transpose(keys) => {
            let mut perm: Vec<usize> = (0..nd).collect();
            perm.sort_by_key(|&i| keys[i]);
            let p: Vec<isize> = perm.iter().map(|&i| i as isize).collect();
            (
                manipulation::transpose(lazy, Some(&p)),
                chunk::transpose(eager, Some(&p)),
            )
        }
        Step::Rechunk(sizes) => {
            let chunks: Vec<Vec<usize>> = eager
                .shape()
                .iter()
                .zip(sizes)
                .map(|(&d, &s)| blocks_of(d, s as usize))
                .collect();
            (manipulation::rechunk(lazy, chunks), Ok(eager.clone()))
        }
        Step::AsType(d) => (elementwise::astype(lazy, *d), eager.astype(*d)),
        Step::Pad(mode, w, lengths, odd) => {
            use crate::chunk::pad::{edge, reuse, Reuse};
            use crate::chunk::pad_fill::{stats, Stat};
            let w: Vec<(usize, usize)> = w[..nd]
                .iter()
                .map(|&(b, a)| (b as usize, a as usize))
                .collect();
            if (0..nd).any(|d| eager.shape()[d] == 0 && w[d] != (0, 0)) {
                return None;
            }
            let how = [Reuse::Reflect, Reuse::Symmetric, Reuse::Wrap];
            match mode {
                0 => (edge(lazy, &w), edge(eager, &w)),
                1..=3 => {
                    let h = how[*mode as usize - 1];
                    (reuse(lazy, &w, h, *odd), reuse(eager, &w, h, *odd))
                }
                _ => {
                    let st = if *mode == 4 { Stat::Max } else { Stat::Min };
                    let l: Vec<(usize, usize)> = lengths[..nd]
                        .iter()
                        .map(|&n| (n as usize, 7 - n as usize))
                        .collect();
                    let lo: Vec<_> = l.iter().map(|&(b, a)| (Some(b), Some(a))).collect();
                    (
                        pad_modes::pad_stats(lazy, &w, &l, st),
                        stats(eager, &w, &lo, st),
                    )
                }
            }
        }
    };
    Some(match (l, e) {
        (Ok(l), Ok(e)) => Applied::Both(l, e),
        (Err(_), Err(_)) => Applied::BothFail,
        (Ok(l), Err(_)) => Applied::FailsAtCompute(l),
        (Err(l), Ok(_)) => panic!("lazy refused {s:?} that eager accepts: {l}"),
    })
}

fn same(lazy: &Chunk, eager: &Chunk) -> Result<(), TestCaseError> {
    prop_assert_eq!(lazy.shape(), eager.shape());
    prop_assert_eq!(lazy.dtype(), eager.dtype());
    let tol = if lazy.dtype() == DType::Float32 {
        1e-4
    } else {
        1e-9
    };
    for (x, y) in lazy.to_f64_vec().iter().zip(eager.to_f64_vec()) {
        let ok = x == &y || (x.is_nan() && y.is_nan()) || (x - y).abs() <= tol * (1.0 + y.abs());
        prop_assert!(ok, "{} != {}", x, y);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn lazy_chains_equal_eager_kernels((shape, chunks, ints, steps) in case()) {
        let eager0 = data(&shape, ints);
        let spec = ChunkSpec::PerAxis(chunks.iter().map(|&c| AxisSpec::Size(c)).collect());
        let mut lazy = creation::from_chunk(std::sync::Arc::new(eager0.clone()), &spec, 11).unwrap();
        let mut eager = Some(eager0);
        for s in &steps {
            let Some(e) = &eager else { break };
            match apply(s, &lazy, e) {
                Some(Applied::Both(l, e)) => {
                    lazy = l;
                    eager = Some(e);
                }
                Some(Applied::FailsAtCompute(l)) => {
                    lazy = l;
                    eager = None;
                }
                Some(Applied::BothFail) | None => break,
            }
        }
        let sched = if shape.len() % 2 == 0 {
            Scheduler::Threads { num_workers: 2 }
        } else {
            Scheduler::Sync
        };
        let opts = ComputeOptions::new(sched, CancelToken::new());
        let got = compute(std::slice::from_ref(&lazy), &opts);
        match (got, eager) {
            (Ok((mut out, _)), Some(e)) => {
                prop_assert_eq!(&lazy.meta().shape, &e.shape().to_vec());
                same(&out.remove(0), &e)?
            }
            (Err(_), None) => {}
            (Ok(_), None) => prop_assert!(false, "lazy computed what eager refused"),
            (Err(err), Some(_)) => prop_assert!(false, "lazy compute failed: {}", err),
        }
    }
}
