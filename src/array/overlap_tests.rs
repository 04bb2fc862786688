//! `overlap`/`trim_internal` against a by-hand reference: the extended
//! array is computed element by element from global index rules (reflect,
//! periodic, nearest, constant; later axes' constants covering corners, as
//! Dask's axis-by-axis boundaries do), over random shapes and chunkings.

use super::chunks::{AxisSpec, ChunkSpec};
use super::overlap::{ensure_minimum_chunksize, overlap, overlap_chunks, trim_internal};
use super::overlap::{Boundary, Depth};
use super::*;
use crate::chunk::{Chunk, Scalar};
use crate::sched::{CancelToken, Scheduler};
use proptest::prelude::*;

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn lazy2(rows: usize, cols: usize, chunks: Vec<Vec<usize>>) -> (Vec<f64>, Array) {
    let v: Vec<f64> = (0..rows * cols).map(|k| (k * 7 % 23) as f64).collect();
    let c = Chunk::from_vec(v.clone(), &[rows, cols]).unwrap();
    let spec = ChunkSpec::PerAxis(chunks.into_iter().map(AxisSpec::Explicit).collect());
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let token = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    (
        v,
        creation::from_chunk(std::sync::Arc::new(c), &spec, token).unwrap(),
    )
}

/// Source index of padded position `p` on an axis of length `n` padded by
/// `pad` under `b` (None: a constant).
fn source(p: usize, n: usize, pad: usize, b: Boundary) -> Option<usize> {
    let q = p as i64 - pad as i64;
    let n_i = n as i64;
    if (0..n_i).contains(&q) {
        return Some(q as usize);
    }
    match b {
        Boundary::Periodic => Some(q.rem_euclid(n_i) as usize),
        Boundary::Reflect if q < 0 => Some((-q - 1) as usize),
        Boundary::Reflect => Some((2 * n_i - 1 - q) as usize),
        Boundary::Nearest => Some(if q < 0 { 0 } else { n - 1 }),
        Boundary::Constant(_) | Boundary::None => None,
    }
}

/// Padded-coordinate start of each extended block along one axis.
fn block_starts(chunks: &[usize], d: Depth, b: Boundary) -> Vec<(usize, usize)> {
    let open = b == Boundary::None;
    let pad = if open { 0 } else { d.before };
    let n = chunks.len();
    let mut start = 0;
    let mut out = Vec::new();
    for (i, &c) in chunks.iter().enumerate() {
        let l = if i == 0 && open { 0 } else { d.before };
        let r = if i + 1 == n && open { 0 } else { d.after };
        out.push((start + pad - l, l + c + r));
        start += c;
    }
    out
}

fn constant(b: Boundary) -> Option<f64> {
    match b {
        Boundary::Constant(Scalar::F64(v)) => Some(v),
        _ => None,
    }
}

/// The extended array of `x` (`rows`×`cols`, values `v`) by hand.
#[allow(clippy::too_many_arguments)]
fn reference(
    v: &[f64],
    cols: usize,
    shape: [usize; 2],
    chunks: &[Vec<usize>],
    d: [Depth; 2],
    b: [Boundary; 2],
) -> Vec<f64> {
    let pads = [0, 1].map(|ax| {
        if b[ax] == Boundary::None {
            0
        } else {
            d[ax].before
        }
    });
    let mut rows_out = Vec::new();
    for (s0, l0) in block_starts(&chunks[0], d[0], b[0]) {
        rows_out.extend(s0..s0 + l0);
    }
    let mut cols_out = Vec::new();
    for (s1, l1) in block_starts(&chunks[1], d[1], b[1]) {
        cols_out.extend(s1..s1 + l1);
    }
    let mut out = Vec::new();
    for &p0 in &rows_out {
        for &p1 in &cols_out {
            let i = source(p0, shape[0], pads[0], b[0]);
            let j = source(p1, shape[1], pads[1], b[1]);
            out.push(match (i, j) {
                (_, None) => constant(b[1]).unwrap(),
                (None, _) => constant(b[0]).unwrap(),
                (Some(i), Some(j)) => v[i * cols + j],
            });
        }
    }
    out
}

fn boundary_of(k: u8) -> Boundary {
    match k % 5 {
        0 => Boundary::None,
        1 => Boundary::Reflect,
        2 => Boundary::Periodic,
        3 => Boundary::Nearest,
        _ => Boundary::Constant(Scalar::F64(-1.0 - k as f64)),
    }
}

/// Random block sizes adding up to `n` (from `cuts`).
fn split(n: usize, cuts: &[usize]) -> Vec<usize> {
    let mut at: Vec<usize> = cuts.iter().map(|c| c % n).filter(|&c| c > 0).collect();
    at.push(n);
    at.sort_unstable();
    at.dedup();
    let mut prev = 0;
    at.into_iter()
        .map(|e| {
            let s = e - prev;
            prev = e;
            s
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn extended_blocks_match_the_reference(
        rows in 1usize..9, cols in 1usize..9,
        cuts0 in prop::collection::vec(0usize..9, 0..4),
        cuts1 in prop::collection::vec(0usize..9, 0..4),
        d0 in 0usize..3, d1 in 0usize..3, b0 in 0u8..5, b1 in 0u8..5,
    ) {
        let chunks = vec![split(rows, &cuts0), split(cols, &cuts1)];
        let (v, x) = lazy2(rows, cols, chunks);
        let d = [Depth::both(d0), Depth::both(d1)];
        let b = [boundary_of(b0), boundary_of(b1)];
        let Ok(rechunked) = overlap_chunks(&x, &d, true) else {
            prop_assert!(d0 > rows || d1 > cols);
            return Ok(());
        };
        let ext = overlap(&x, &d, &b, true).unwrap();
        let want = reference(&v, cols, [rows, cols], &rechunked, d, b);
        prop_assert_eq!(run(&ext).to_f64_vec(), want);
        // Trimming gives the input back, in the rechunked blocks.
        let back = trim_internal(&ext, &d, &b).unwrap();
        prop_assert_eq!(&back.meta().chunks, &rechunked);
        prop_assert_eq!(run(&back).to_f64_vec(), v);
    }

    #[test]
    fn asymmetric_open_halos_match_the_reference(
        rows in 1usize..9, cuts in prop::collection::vec(0usize..9, 0..4),
        l in 0usize..3, r in 0usize..3,
    ) {
        let chunks = vec![split(rows, &cuts), vec![3]];
        let (v, x) = lazy2(rows, 3, chunks);
        let d = [Depth { before: l, after: r }, Depth::default()];
        let b = [Boundary::None, Boundary::None];
        let Ok(rechunked) = overlap_chunks(&x, &d, true) else {
            return Ok(());
        };
        let ext = overlap(&x, &d, &b, true).unwrap();
        prop_assert_eq!(run(&ext).to_f64_vec(), reference(&v, 3, [rows, 3], &rechunked, d, b));
    }
}

#[test]
fn minimum_chunksize_merges_short_blocks_as_dask_does() {
    assert_eq!(
        ensure_minimum_chunksize(10, &[20, 20, 1]).unwrap(),
        vec![20, 11, 10]
    );
    assert_eq!(ensure_minimum_chunksize(3, &[1, 1, 3]).unwrap(), vec![5]);
    assert_eq!(ensure_minimum_chunksize(3, &[2, 2]).unwrap(), vec![4]);
    assert_eq!(ensure_minimum_chunksize(0, &[2, 1]).unwrap(), vec![2, 1]);
    let e = ensure_minimum_chunksize(5, &[2, 2]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The overlapping depth 5 is larger than your array 4."
    );
}

#[test]
fn extended_chunks_and_reads_follow_dask() {
    let (_, x) = lazy2(4, 5, vec![vec![2, 2], vec![2, 2, 1]]);
    let none = overlap(&x, &[Depth::both(1); 2], &[Boundary::None; 2], true).unwrap();
    assert_eq!(none.meta().chunks, vec![vec![3, 3], vec![3, 4, 2]]);
    let refl = overlap(&x, &[Depth::both(1); 2], &[Boundary::Reflect; 2], true).unwrap();
    assert_eq!(refl.meta().chunks, vec![vec![4, 4], vec![4, 4, 3]]);
    // The middle block reads its 3×3 neighbourhood… only as far as it exists.
    let Op::Plan { plan, .. } = none.op() else {
        panic!("overlap is a plan")
    };
    assert_eq!(plan.reads(&[0, 1]).len(), 6);
    assert_eq!(plan.reads(&[1, 2]).len(), 4);
    let e = overlap(&x, &[Depth::both(2); 2], &[Boundary::None; 2], false).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Overlap depth is larger than smallest chunksize.\nPlease set allow_rechunk=True to \
         rechunk automatically.\nOverlap depths required: [2, 2]\nInput chunks: ((2, 2), (2, 2, 1))\n"
    );
}
