use super::*;
use crate::array::chunks::{AxisSpec, ChunkSpec};
use crate::array::reduction::reduce;
use crate::array::{compute, creation, ComputeOptions};
use crate::chunk::ReduceOp;
use crate::sched::{CancelToken, Scheduler};

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn lazy(c: &Chunk, sizes: &[usize]) -> Array {
    let spec = ChunkSpec::PerAxis(sizes.iter().map(|&s| AxisSpec::Size(s)).collect());
    creation::from_chunk(Arc::new(c.clone()), &spec, 7).unwrap()
}

#[test]
fn write_then_read_round_trips_with_the_stack_axis_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let c = Chunk::from_vec((0..60i64).collect(), &[4, 5, 3]).unwrap();
    let x = lazy(&c, &[3, 2, 2]);
    for axis in [0isize, 1, -1] {
        let d = dir.path().join(format!("s{axis}"));
        npystack::create_dir(&d).unwrap();
        let info = stack_info(&x, axis).unwrap();
        let w = to_npy_stack(&d, &x, &info).unwrap();
        assert_eq!(run(&w).shape(), &[info.chunks[info.axis].len()]);
        npystack::write_info(&d, &info).unwrap();
        let back = npystack::read_info(&d).unwrap();
        assert_eq!(back, info);
        let y = from_npy_stack(&d, &back).unwrap();
        assert_eq!(y.meta().chunks, info.chunks);
        assert_eq!(run(&y), c);
        // A reduction streams regions out of the files.
        let s = reduce(&y, ReduceOp::Sum, None, false, 0, None).unwrap();
        assert_eq!(run(&s).to_f64_vec(), vec![(0..60).sum::<i64>() as f64]);
    }
    assert_eq!(
        stack_info(&x, 1).unwrap().chunks,
        vec![vec![4], vec![2, 2, 1], vec![3]]
    );
    assert!(stack_info(&x, 3).is_err());
}

#[test]
fn a_file_that_disagrees_with_the_info_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let c = Chunk::from_vec((0..6i64).collect(), &[6]).unwrap();
    let x = lazy(&c, &[3]);
    let info = stack_info(&x, 0).unwrap();
    run(&to_npy_stack(dir.path(), &x, &info).unwrap());
    npystack::write_info(dir.path(), &info).unwrap();
    npystack::write_block(
        dir.path(),
        1,
        &Chunk::from_vec(vec![1.0f64; 2], &[2]).unwrap(),
    )
    .unwrap();
    let y = from_npy_stack(dir.path(), &info).unwrap();
    let opts = ComputeOptions::new(Scheduler::Sync, CancelToken::new());
    assert!(compute(&[y], &opts).is_err());
}
