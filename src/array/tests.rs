//! Lazy results equal eager results on the whole array, for many chunkings.

use super::chunks::ChunkSpec;
use super::creation::{self, Distribution};
use super::slicing::IndexItem;
use super::*;
use crate::chunk::{self, BinaryOp, Chunk, DType, PyScalar, ReduceOp, Scalar};
use crate::sched::{CancelToken, Scheduler};

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn run_sync(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Sync, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn eager_arange(shape: &[usize]) -> Chunk {
    let n: usize = shape.iter().product();
    Chunk::from_vec(
        (0..n).map(|i| i as f64 * 0.5 - 3.0).collect::<Vec<_>>(),
        shape,
    )
    .unwrap()
}

fn lazy(c: &Chunk, chunks: ChunkSpec) -> Array {
    creation::from_chunk(std::sync::Arc::new(c.clone()), &chunks, 7).unwrap()
}

/// Same shape and dtype, values within 1e-9 relative (NaN equals NaN).
pub(super) fn close(a: &Chunk, b: &Chunk) {
    assert_eq!(a.shape(), b.shape());
    assert_eq!(a.dtype(), b.dtype());
    for (x, y) in a.to_f64_vec().iter().zip(b.to_f64_vec()) {
        assert!(
            (x - y).abs() <= 1e-9 * (1.0 + y.abs()) || (x.is_nan() && y.is_nan()),
            "{x} != {y}"
        );
    }
}

#[test]
fn ones_sum_over_many_chunks() {
    let x = creation::full(
        "ones",
        &[100, 30],
        Scalar::F64(1.0),
        DType::Float64,
        &ChunkSpec::Uniform(7),
    )
    .unwrap();
    let s = reduction::reduce(&x, ReduceOp::Sum, None, false, 0, None).unwrap();
    assert_eq!(s.meta().shape, Vec::<usize>::new());
    assert_eq!(run(&s).to_f64_vec(), vec![3000.0]);
    let col = reduction::reduce(&x, ReduceOp::Sum, Some(&[0]), false, 0, None).unwrap();
    assert_eq!(run(&col).to_f64_vec(), vec![100.0; 30]);
}

#[test]
fn reductions_match_eager_for_every_axis_and_chunking() {
    let e = eager_arange(&[9, 8, 5]);
    for spec in [
        ChunkSpec::Uniform(2),
        ChunkSpec::Uniform(4),
        ChunkSpec::Full,
        ChunkSpec::Uniform(3),
    ] {
        let a = lazy(&e, spec);
        for op in [
            ReduceOp::Sum,
            ReduceOp::Mean,
            ReduceOp::Var,
            ReduceOp::Std,
            ReduceOp::Min,
            ReduceOp::Max,
            ReduceOp::ArgMax,
        ] {
            for axes in [None, Some(vec![0isize]), Some(vec![1]), Some(vec![-1])] {
                if op == ReduceOp::ArgMax && axes.is_none() {
                    continue;
                }
                for keepdims in [false, true] {
                    let r =
                        reduction::reduce(&a, op, axes.as_deref(), keepdims, 1, Some(3)).unwrap();
                    let want = chunk::reduce(&e, op, axes.as_deref(), keepdims, 1).unwrap();
                    let got = run(&r);
                    close(&got, &want);
                    assert_eq!(r.meta().shape, want.shape(), "{op:?} {axes:?}");
                }
            }
        }
    }
}

#[test]
fn elementwise_broadcasting_and_scalars() {
    let a = eager_arange(&[6, 4]);
    let b = eager_arange(&[4]);
    let la = lazy(&a, ChunkSpec::Uniform(3));
    let lb = lazy(&b, ChunkSpec::Uniform(2)); // different chunks: rechunked to align
    let sum = elementwise::binary(BinaryOp::Add, &la, &lb).unwrap();
    close(&run(&sum), &chunk::binary(BinaryOp::Add, &a, &b).unwrap());
    let scaled =
        elementwise::binary_scalar(BinaryOp::Mul, &la, PyScalar::Float(10.0), false).unwrap();
    close(
        &run(&scaled),
        &chunk::binary_scalar(BinaryOp::Mul, &a, PyScalar::Float(10.0), false).unwrap(),
    );
    let bad = lazy(&eager_arange(&[5]), ChunkSpec::Full);
    let err = elementwise::binary(BinaryOp::Add, &la, &bad)
        .unwrap_err()
        .to_string();
    assert!(err.contains("could not be broadcast"), "{err}");
}

#[test]
fn slicing_transpose_rechunk_match_eager() {
    let e = eager_arange(&[10, 7]);
    let a = lazy(&e, ChunkSpec::Uniform(3));
    let cases: Vec<Vec<IndexItem>> = vec![
        vec![IndexItem::Slice(Some(1), Some(9), Some(2))],
        vec![IndexItem::Slice(None, None, Some(-1)), IndexItem::Int(-2)],
        vec![IndexItem::Int(4)],
        vec![
            IndexItem::Ellipsis,
            IndexItem::Slice(Some(6), Some(0), Some(-4)),
        ],
        vec![
            IndexItem::NewAxis,
            IndexItem::Slice(None, None, Some(3)),
            IndexItem::NewAxis,
        ],
        vec![IndexItem::Slice(Some(5), Some(2), None)],
    ];
    for idx in cases {
        let got = run(&slicing::getitem(&a, &idx).unwrap());
        // The eager reference: whole-array selection through the same block kernel.
        let whole = lazy(&e, ChunkSpec::Full);
        let want = run_sync(&slicing::getitem(&whole, &idx).unwrap());
        close(&got, &want);
    }
    let t = manipulation::transpose(&a, None).unwrap();
    close(&run(&t), &chunk::blocks::permute(&e, &[1, 0]).unwrap());
    let r = manipulation::rechunk(&a, vec![vec![5, 5], vec![1, 6]]).unwrap();
    assert_eq!(run(&r), e);
    let oob = slicing::getitem(&a, &[IndexItem::Int(10)])
        .unwrap_err()
        .to_string();
    assert_eq!(oob, "index 10 is out of bounds for axis 0 with size 10");
}

#[test]
fn random_values_do_not_depend_on_chunking() {
    let a = creation::random(
        Distribution::Normal(10.0, 0.1),
        42,
        &[50, 40],
        &ChunkSpec::Uniform(7),
    )
    .unwrap();
    let b = creation::random(
        Distribution::Normal(10.0, 0.1),
        42,
        &[50, 40],
        &ChunkSpec::Full,
    )
    .unwrap();
    assert_eq!(run(&a), run(&b));
    let m = reduction::reduce(&a, ReduceOp::Mean, None, false, 0, None).unwrap();
    let v = run(&m).to_f64_vec()[0];
    assert!((v - 10.0).abs() < 0.01, "{v}");
    // Blocks over a million elements are generated in bands: same values.
    let big = |spec| creation::random(Distribution::Random, 9, &[2100, 700], &spec).unwrap();
    assert_eq!(
        run(&big(ChunkSpec::Full)).to_f64_vec(),
        run(&big(ChunkSpec::Uniform(300))).to_f64_vec()
    );
    let ints = creation::random(
        Distribution::RandInt(0, 100),
        1,
        &[1000],
        &ChunkSpec::Uniform(64),
    )
    .unwrap();
    let c = run(&ints);
    assert_eq!(c.dtype(), DType::Int64);
    assert!(c.to_f64_vec().iter().all(|&x| (0.0..100.0).contains(&x)));
}

#[test]
fn building_is_cheap_and_names_are_deterministic() {
    let t = std::time::Instant::now();
    let x = creation::full(
        "ones",
        &[100_000, 100_000],
        Scalar::F64(1.0),
        DType::Float64,
        &ChunkSpec::Uniform(1000),
    )
    .unwrap();
    let y = elementwise::binary(
        BinaryOp::Add,
        &x,
        &manipulation::transpose(&x, None).unwrap(),
    )
    .unwrap();
    let z = reduction::reduce(&y, ReduceOp::Sum, Some(&[0]), false, 0, None).unwrap();
    assert!(
        t.elapsed().as_millis() < 50,
        "building took {:?}",
        t.elapsed()
    );
    assert_eq!(x.meta().nblocks(), 10_000);
    assert_eq!(z.meta().shape, vec![100_000]);
    let x2 = creation::full(
        "ones",
        &[100_000, 100_000],
        Scalar::F64(1.0),
        DType::Float64,
        &ChunkSpec::Uniform(1000),
    )
    .unwrap();
    assert_eq!(x.name(), x2.name());
    assert!(x.name().starts_with("ones-"));
}

#[test]
fn culling_computes_only_needed_blocks() {
    let x = creation::full(
        "ones",
        &[1000, 1000],
        Scalar::F64(1.0),
        DType::Float64,
        &ChunkSpec::Uniform(100),
    )
    .unwrap();
    let y = elementwise::binary_scalar(BinaryOp::Mul, &x, PyScalar::Int(10), false).unwrap();
    let one = slicing::getitem(&y, &[IndexItem::Int(0), IndexItem::Int(0)]).unwrap();
    let opts = ComputeOptions::new(Scheduler::Sync, CancelToken::new());
    let (vals, profile) = compute(&[one], &opts).unwrap();
    assert_eq!(vals[0].to_f64_vec(), vec![10.0]);
    assert!(profile.total <= 3, "ran {} tasks", profile.total);
}

#[test]
fn small_slices_of_sources_read_only_their_box() {
    // `(x * 10 + x)[...]` over a random source: each selection is one task
    // per output block that draws just its bounding box (no source blocks),
    // and equals slicing the whole computed result.
    use crate::chunk::IndexElem as E;
    let x = creation::random(
        Distribution::Random,
        11,
        &[300, 200],
        &ChunkSpec::Uniform(100),
    )
    .unwrap();
    let y = elementwise::binary_scalar(BinaryOp::Mul, &x, PyScalar::Int(10), false).unwrap();
    let y = elementwise::binary(BinaryOp::Add, &y, &x).unwrap();
    let whole = run(&y);
    let s = |a: i64, b: i64, c: i64| IndexItem::Slice(Some(a), Some(b), Some(c));
    let e = |a: isize, b: isize, c: isize| E::Slice {
        start: Some(a),
        stop: Some(b),
        step: c,
    };
    let cases = [
        (
            vec![IndexItem::Int(0), IndexItem::Int(0)],
            vec![E::Index(0), E::Index(0)],
        ),
        (
            vec![IndexItem::Int(257), s(150, 105, -7)],
            vec![E::Index(257), e(150, 105, -7)],
        ),
        (
            vec![s(10, 14, 1), IndexItem::NewAxis, IndexItem::Int(-1)],
            vec![e(10, 14, 1), E::NewAxis, E::Index(-1)],
        ),
        (
            vec![s(0, 300, 1), IndexItem::Int(3)],
            vec![e(0, 300, 1), E::Index(3)],
        ),
    ];
    for (idx, eager) in cases {
        let lazy = slicing::getitem(&y, &idx).unwrap();
        let opts = ComputeOptions::new(Scheduler::Sync, CancelToken::new());
        let (vals, profile) = compute(std::slice::from_ref(&lazy), &opts).unwrap();
        assert_eq!(vals[0], chunk::slice(&whole, &eager).unwrap(), "{eager:?}");
        assert_eq!(
            profile.total,
            lazy.meta().nblocks(),
            "{eager:?}: ran only the slice tasks"
        );
    }
}

#[test]
fn interrupt_stops_a_compute() {
    let x = creation::random(
        Distribution::Random,
        3,
        &[4000, 4000],
        &ChunkSpec::Uniform(100),
    )
    .unwrap();
    let s = reduction::reduce(&x, ReduceOp::Sum, None, false, 0, None).unwrap();
    let cancel = CancelToken::new();
    cancel.cancel();
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, cancel);
    assert!(matches!(
        compute(&[s], &opts),
        Err(ComputeError::Sched(crate::sched::SchedError::Cancelled))
    ));
}

#[test]
fn streamed_reductions_match_materialised_blocks() {
    use super::chunks::AxisSpec;
    let spec = ChunkSpec::PerAxis(vec![AxisSpec::Size(200), AxisSpec::Size(350)]);
    let x = creation::random(Distribution::Normal(0.0, 1.0), 5, &[300, 700], &spec).unwrap();
    let y = elementwise::unary(chunk::UnaryOp::Square, "square", &x).unwrap();
    let cases: [(ReduceOp, Option<&[isize]>); 6] = [
        (ReduceOp::Sum, None),
        (ReduceOp::Mean, Some(&[0])),
        (ReduceOp::Var, Some(&[1])),
        (ReduceOp::ArgMax, Some(&[0])),
        (ReduceOp::Max, None),
        (ReduceOp::Std, Some(&[0, 1])),
    ];
    for (op, axes) in cases {
        let r = reduction::reduce(&y, op, axes, false, 0, None).unwrap();
        // Alone, the chain is private to the reduction: it streams, tile by tile.
        let g = lower::lower(std::slice::from_ref(&r)).unwrap();
        assert!(
            g.nodes().iter().all(|n| !n.task.name.starts_with("square")),
            "{op:?}: chain tasks absorbed"
        );
        let streamed = run(&r);
        // Requested next to its input, the blocks are materialised and shared.
        let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
        let both = compute(&[r.clone(), y.clone()], &opts).unwrap().0;
        close(&streamed, &both[0]);
    }
}

#[test]
fn huge_materialised_blocks_reduce_in_slabs_to_the_same_result() {
    // 2600 x 2000 = 5.2M elements: above the slab threshold once rechunked
    // into one block (a rechunk is not streamable, so the block is materialised).
    let n = 2600 * 2000;
    let e = Chunk::from_vec(
        (0..n as i64)
            .map(|i| (i * 7919) % 10007 - 5000)
            .collect::<Vec<_>>(),
        &[2600, 2000],
    )
    .unwrap();
    let a = manipulation::rechunk(
        &lazy(&e, ChunkSpec::Uniform(1000)),
        vec![vec![2600], vec![2000]],
    )
    .unwrap();
    for op in [
        ReduceOp::Sum,
        ReduceOp::Var,
        ReduceOp::Max,
        ReduceOp::ArgMin,
    ] {
        for axes in [None, Some(vec![0isize]), Some(vec![1])] {
            if op == ReduceOp::ArgMin && axes.is_none() {
                continue;
            }
            let r = reduction::reduce(&a, op, axes.as_deref(), false, 0, None).unwrap();
            let want = chunk::reduce(&e, op, axes.as_deref(), false, 0).unwrap();
            close(&run_sync(&r), &want);
        }
    }
}

#[test]
fn tiled_partials_match_whole_block_partials_for_any_reduced_axes() {
    // A block placed at (2, 0, 1) of a bigger array, cut into tiny tiles so
    // every path runs: slabs combined along reduced axes, stitched along kept
    // ones, and rows still too big cut again along the next axes.
    let shape = [5usize, 7, 3];
    let n: usize = shape.iter().product();
    let e = Chunk::from_vec(
        (0..n as i64)
            .map(|i| (i * 37) % 23 - 11)
            .collect::<Vec<_>>(),
        &shape,
    )
    .unwrap();
    let (offset, global) = ([2usize, 0, 1], [9usize, 7, 4]);
    let tile = |off: &[usize], shp: &[usize]| {
        let at: Vec<usize> = off.iter().zip(&offset).map(|(o, b)| o - b).collect();
        crate::chunk::blocks::sub(&e, &at, shp)
    };
    for op in [
        ReduceOp::Sum,
        ReduceOp::Var,
        ReduceOp::Min,
        ReduceOp::ArgMax,
    ] {
        for axes in [vec![2], vec![0], vec![1, 2], vec![0, 2], vec![0, 1, 2]] {
            if op == ReduceOp::ArgMax && axes.len() > 1 && axes.len() < 3 {
                continue;
            }
            for tile_elems in [1, 4, 7, 22, 1000] {
                let got =
                    stream::tiled_partial(&offset, &shape, &global, op, &axes, tile_elems, tile)
                        .unwrap();
                let want = chunk::partial_at(&e, op, &axes, Some((&offset, &global))).unwrap();
                close(
                    &chunk::finalize(got, 0, true).unwrap(),
                    &chunk::finalize(want, 0, true).unwrap(),
                );
            }
        }
    }
}
