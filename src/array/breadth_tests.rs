//! Lazy = eager for the issue-5 functions (broadcast_to, repeat, tile, pad,
//! block, diff, cumsum/cumprod, isin, unique, bincount, topk/argtopk,
//! nan_to_num) over random shapes and chunkings, plus Dask's chunks.

use super::block::{block, tile, Nested};
use super::chunks::{AxisSpec, ChunkSpec};
use super::*;
use crate::chunk::{self, arrange, Chunk, DType, Scalar, ScanOp};
use crate::sched::{CancelToken, Scheduler};
use proptest::prelude::*;

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

/// Distinct-ish integers (a permutation-like pattern), shaped.
fn data(shape: &[usize]) -> Chunk {
    let n: usize = shape.iter().product();
    let v: Vec<i64> = (0..n as i64).map(|i| (i * 7 + 3) % 11 - 5).collect();
    Chunk::from_vec(v, shape).unwrap()
}

fn lazy(c: &Chunk, sizes: &[usize]) -> Array {
    let spec = ChunkSpec::PerAxis(sizes.iter().map(|&s| AxisSpec::Size(s)).collect());
    // A distinct token per array: equal-looking arrays must not share a name.
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let token = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    creation::from_chunk(std::sync::Arc::new(c.clone()), &spec, token).unwrap()
}

fn lazy1(c: &Chunk, size: usize) -> Array {
    lazy(c, &vec![size; c.ndim()])
}

fn chunks_of(a: &Array) -> Vec<Vec<usize>> {
    a.meta().chunks.clone()
}

fn shape_and_chunks() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    prop::collection::vec((1usize..7, 1usize..4), 1..4).prop_map(|v| v.into_iter().unzip())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn repeat_tile_pad_diff_match_eager((shape, sizes) in shape_and_chunks(), r in 0i64..5, n in 0i64..3, w in 0usize..3) {
        let c = data(&shape);
        let x = lazy(&c, &sizes);
        let ax = shape.len() - 1;
        let rep = repeat::repeat(&x, r, Some(ax as isize)).unwrap();
        prop_assert_eq!(run(&rep), arrange::repeat(&c, r as usize, Some(ax as isize)).unwrap());
        let reps: Vec<i64> = (0..shape.len()).map(|i| (i as i64 + r) % 3).collect();
        let t = tile(&x, &reps).unwrap();
        let ur: Vec<usize> = reps.iter().map(|&v| v as usize).collect();
        prop_assert_eq!(run(&t), arrange::tile(&c, &ur).unwrap());
        let widths: Vec<(usize, usize)> = (0..shape.len()).map(|i| (w, (w + i) % 3)).collect();
        let vals = vec![(Scalar::I64(-1), Scalar::I64(9)); shape.len()];
        let p = pad::pad_constant(&x, &widths, &vals).unwrap();
        prop_assert_eq!(run(&p), arrange::pad_constant(&c, &widths, &vals).unwrap());
        let d = diff::diff(&x, n, 0, None, None).unwrap();
        prop_assert_eq!(run(&d), arrange::diff(&c, n as usize, 0).unwrap());
    }

    #[test]
    fn scans_match_eager((shape, sizes) in shape_and_chunks(), prod in any::<bool>(), whole in any::<bool>()) {
        let c = data(&shape);
        let x = lazy(&c, &sizes);
        let op = if prod { ScanOp::CumProd } else { ScanOp::CumSum };
        let axis = if whole { None } else { Some(shape.len() as isize - 1) };
        let s = scan::cumulative(&x, op, axis, None).unwrap();
        prop_assert_eq!(run(&s), chunk::cumulative(&c, op, axis, None).unwrap());
    }

    #[test]
    fn reductions_to_one_block_match_eager((shape, sizes) in shape_and_chunks(), k in -4i64..5) {
        let c = data(&shape);
        let x = lazy(&c, &sizes);
        let (u, cnt) = setops::unique(&x, true).unwrap();
        let (eu, ec) = chunk::setops::unique_counts(&c, None).unwrap();
        prop_assert_eq!(run(&u), eu);
        prop_assert_eq!(run(&cnt.unwrap()), ec);
        let ax = shape.len() as isize - 1;
        let t = topk::topk(&x, k, ax, false).unwrap();
        prop_assert_eq!(run(&t), chunk::topk::topk(&c, k, ax).unwrap());
        let at = topk::topk(&x, k, ax, true).unwrap();
        prop_assert_eq!(run(&at), chunk::topk::argtopk(&c, None, 0, k, ax).unwrap().1);
        let test = Chunk::from_vec(vec![-5i64, 0, 3, 4], &[4]).unwrap();
        let i = setops::isin(&x, &lazy1(&test, 3), k < 0).unwrap();
        prop_assert_eq!(run(&i), chunk::setops::isin(&c, &test, k < 0).unwrap());
        let flat = chunk::reshape(&c, &[-1]).unwrap();
        let pos = chunk::binary_scalar(chunk::BinaryOp::Add, &flat, chunk::PyScalar::Int(5), false).unwrap();
        let b = setops::bincount(&lazy1(&pos, sizes[0]), None, 0).unwrap();
        prop_assert_eq!(run(&b), chunk::setops::bincount(&pos, None, 0).unwrap());
    }
}

#[test]
fn dask_chunks_for_repeat_pad_diff_tile_cumsum() {
    // Expected chunks printed by dask 2026.8.
    let x = lazy1(&data(&[10]), 3);
    let rep = |r| chunks_of(&repeat::repeat(&x, r, None).unwrap());
    assert_eq!(rep(2), vec![vec![6, 6, 6, 2]]);
    assert_eq!(rep(3), vec![vec![6, 3, 3, 6, 6, 3, 3]]);
    assert_eq!(rep(4), vec![vec![4; 10]]);
    assert_eq!(rep(0), vec![vec![0]]);
    let pad1 = |b, a| {
        chunks_of(&pad::pad_constant(&x, &[(b, a)], &[(Scalar::I64(0), Scalar::I64(0))]).unwrap())
    };
    assert_eq!(pad1(2, 2), vec![vec![2, 3, 3, 3, 1, 2]]);
    assert_eq!(pad1(1, 5), vec![vec![1, 3, 3, 3, 1, 3, 2]]);
    assert_eq!(
        chunks_of(&diff::diff(&x, 1, -1, None, None).unwrap()),
        vec![vec![2, 1, 2, 1, 2, 1]]
    );
    assert_eq!(
        chunks_of(&diff::diff(&x, 2, -1, None, None).unwrap()),
        vec![vec![1; 8]]
    );
    assert_eq!(
        chunks_of(&tile(&x, &[2]).unwrap()),
        vec![vec![3, 3, 3, 1, 3, 3, 3, 1]]
    );
    assert_eq!(chunks_of(&tile(&x, &[0]).unwrap()), vec![vec![0]]);
    let m = lazy(&data(&[5, 7]), &[2, 3]);
    let cs = scan::cumulative(&m, ScanOp::CumSum, None, None).unwrap();
    assert_eq!(chunks_of(&cs), vec![vec![9, 9, 9, 8]]);
    let bt = broadcast::broadcast_to(&x, &[2, 10], None).unwrap();
    assert_eq!(chunks_of(&bt), vec![vec![2], vec![3, 3, 3, 1]]);
    assert_eq!(run(&bt), data(&[10]).broadcast_to(&[2, 10]).unwrap());
    assert!(broadcast::broadcast_to(&x, &[3], None).is_err());
}

#[test]
fn block_checks_depths_and_joins() {
    let a = lazy1(&data(&[2, 2]), 1);
    let b = lazy1(&data(&[2, 3]), 2);
    let nested = Nested::List(vec![
        Nested::List(vec![Nested::Leaf(a.clone()), Nested::Leaf(b.clone())]),
        Nested::List(vec![Nested::Leaf(b.clone()), Nested::Leaf(a.clone())]),
    ]);
    let r = block(&nested).unwrap();
    assert_eq!(r.meta().shape, vec![4, 5]);
    let row = |l: &Chunk, r: &Chunk| chunk::concatenate(&[l.clone(), r.clone()], 1).unwrap();
    let (ea, eb) = (data(&[2, 2]), data(&[2, 3]));
    let want = chunk::concatenate(&[row(&ea, &eb), row(&eb, &ea)], 0).unwrap();
    assert_eq!(run(&r), want);
    let bad = Nested::List(vec![
        Nested::List(vec![Nested::Leaf(a.clone())]),
        Nested::Leaf(b),
    ]);
    let e = block(&bad).err().unwrap().to_string();
    assert!(e.starts_with("List depths are mismatched"), "{e}");
    assert!(block(&Nested::List(vec![])).is_err());
}

#[test]
fn nan_to_num_and_weighted_bincount() {
    let f = Chunk::from_vec(vec![1.0, f64::NAN, f64::INFINITY, -2.0], &[4]).unwrap();
    let n = nanfix::nan_to_num(&lazy1(&f, 3), 0.5, Some(7.0), None).unwrap();
    assert_eq!(run(&n).to_f64_vec(), vec![1.0, 0.5, 7.0, -2.0]);
    let x = Chunk::from_vec(vec![1i64, 3, 3, 0], &[4]).unwrap();
    let w = Chunk::from_vec(vec![0.5f64; 4], &[4]).unwrap();
    let b = setops::bincount(&lazy1(&x, 3), Some(&lazy1(&w, 3)), 6).unwrap();
    assert_eq!(b.meta().chunks, vec![vec![6]]);
    assert_eq!(b.meta().dtype, DType::Float64);
    assert_eq!(run(&b).to_f64_vec(), vec![0.5, 0.5, 0.0, 1.0, 0.0, 0.0]);
    assert!(setops::bincount(&lazy1(&x, 3), Some(&lazy1(&w, 2)), 0).is_err());
}
