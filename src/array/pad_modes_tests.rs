use super::*;
use crate::array::chunks::{AxisSpec, ChunkSpec};
use crate::array::{compute, creation, ComputeOptions};
use crate::chunk::pad::{edge, reuse, Reuse};
use crate::sched::{CancelToken, Scheduler};

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn iota(shape: &[usize]) -> Chunk {
    let n: usize = shape.iter().product();
    Chunk::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
}

fn lazy(c: &Chunk, size: usize) -> Array {
    let spec = ChunkSpec::PerAxis(c.shape().iter().map(|_| AxisSpec::Size(size)).collect());
    creation::from_chunk(
        Arc::new(c.clone()),
        &spec,
        size as u64 * 7919 + c.size() as u64,
    )
    .unwrap()
}

#[test]
fn reuse_modes_have_dasks_chunks_and_numpys_values() {
    let c = iota(&[10]);
    let x = lazy(&c, 3);
    // Chunks as printed by Dask 2026.8 for np.arange(10) in blocks of 3.
    let cases = [
        (Reuse::Reflect, (2, 3), vec![2, 3, 3, 3, 1, 3]),
        (Reuse::Reflect, (3, 0), vec![1, 2, 3, 3, 3, 1]),
        (Reuse::Symmetric, (2, 3), vec![2, 3, 3, 3, 1, 1, 2]),
        (Reuse::Wrap, (2, 3), vec![1, 1, 3, 3, 3, 1, 3]),
    ];
    for (how, w, chunks) in cases {
        let r = reuse(&x, &[w], how, false).unwrap();
        assert_eq!(r.meta().chunks, vec![chunks], "{how:?} {w:?}");
        assert_eq!(
            run(&r),
            reuse(&c, &[w], how, false).unwrap(),
            "{how:?} {w:?}"
        );
    }
    // Beyond one reflection (where Dask itself goes wrong) the values are NumPy's.
    for how in [Reuse::Reflect, Reuse::Symmetric, Reuse::Wrap] {
        for odd in [false, true] {
            let r = reuse(&x, &[(23, 12)], how, odd).unwrap();
            assert_eq!(run(&r), reuse(&c, &[(23, 12)], how, odd).unwrap());
        }
    }
}

#[test]
fn edge_empty_and_ramp_are_one_block_thick() {
    let c = iota(&[4, 5]);
    let x = lazy(&c, 2);
    let e = edge(&x, &[(1, 2), (0, 3)]).unwrap();
    assert_eq!(e.meta().chunks, vec![vec![1, 2, 2, 2], vec![2, 2, 1, 3]]);
    assert_eq!(run(&e), edge(&c, &[(1, 2), (0, 3)]).unwrap());
    let z = pad_empty(&x, &[(1, 2), (0, 3)]).unwrap();
    assert_eq!(z.meta().chunks, e.meta().chunks);
    let r = pad_ramp(&x, &[(1, 2), (2, 1)], &[(5.0, -3.0), (100.0, 7.0)]).unwrap();
    assert_eq!(r.meta().chunks, vec![vec![1, 2, 2, 2], vec![2, 2, 2, 1, 1]]);
    // np.pad(np.arange(20).reshape(4, 5), ((1, 2), (2, 1)), 'linear_ramp', end_values=((5, -3), (100, 7)))
    let want = [100, 52, 5, 5, 5, 5, 5, 7, 100, 50, 0, 1, 2, 3, 4, 7];
    let got = run(&r).to_f64_vec();
    assert_eq!(&got[..16], want.map(|v| v as f64));
    assert_eq!(
        &got[48..],
        [100, 48, -3, -3, -3, -3, -3, 7].map(|v| v as f64)
    );
}

#[test]
fn stats_reduce_corners_jointly_as_dask_does() {
    let c = iota(&[4, 5]);
    let x = lazy(&c, 2);
    let r = pad_stats(&x, &[(1, 2), (2, 1)], &[(1, 2), (3, 1)], Stat::Mean).unwrap();
    assert_eq!(r.meta().chunks, vec![vec![1, 2, 2, 2], vec![2, 2, 2, 1, 1]]);
    let got = run(&r).to_f64_vec();
    // Dask's corner is the mean of a[2:, :3] (14); NumPy's sequential one is 13.
    assert_eq!(&got[40..48], [14., 14., 12., 14., 14., 16., 16., 16.]);
    let m = pad_stats(&x, &[(1, 0), (0, 0)], &[(9, 9), (9, 9)], Stat::Max).unwrap();
    assert_eq!(&run(&m).to_f64_vec()[..5], [15., 16., 17., 18., 19.]);
    assert!(pad_stats(&x, &[(1, 0), (0, 0)], &[(1, 1), (1, 1)], Stat::Median).is_err());
}
