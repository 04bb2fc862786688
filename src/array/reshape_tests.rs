use super::*;
use crate::array::{compute, ComputeOptions};
use crate::chunk::DType;
use crate::sched::{CancelToken, Scheduler};

type Case = (Vec<usize>, Vec<Vec<usize>>, Vec<usize>, Vec<Vec<usize>>);

/// (input shape, input chunks, output shape, output chunks) as printed by
/// Dask 2026.8's `x.reshape(out).chunks`.
fn dask_cases() -> Vec<Case> {
    vec![
        (
            vec![5000, 5000],
            vec![vec![4096, 904], vec![904, 904, 904, 904, 904, 480]],
            vec![5000, 1000, 5],
            vec![
                vec![4096, 904],
                vec![180, 90, 91, 90, 91, 90, 91, 90, 91, 96],
                vec![5],
            ],
        ),
        (
            vec![5000, 5000],
            vec![
                vec![1000, 1000, 1000, 1000, 1000],
                vec![1000, 1000, 1000, 1000, 1000],
            ],
            vec![5000, 1000, 5],
            vec![
                vec![1000, 1000, 1000, 1000, 1000],
                vec![200, 200, 200, 200, 200],
                vec![5],
            ],
        ),
        (
            vec![5000, 5000],
            vec![
                vec![1000, 1000, 1000, 1000, 1000],
                vec![1000, 1000, 1000, 1000, 1000],
            ],
            vec![1000, 5, 5000],
            vec![
                vec![200, 200, 200, 200, 200],
                vec![5],
                vec![1000, 1000, 1000, 1000, 1000],
            ],
        ),
        (
            vec![6, 5, 4],
            vec![vec![3, 3], vec![2, 2, 1], vec![2, 2]],
            vec![3, 2, 5, 4],
            vec![vec![1, 1, 1], vec![2], vec![2, 2, 1], vec![2, 2]],
        ),
        (
            vec![6, 5, 4],
            vec![vec![3, 3], vec![2, 2, 1], vec![2, 2]],
            vec![30, 4],
            vec![vec![5, 5, 5, 5, 5, 5], vec![2, 2]],
        ),
        (
            vec![24],
            vec![vec![5, 5, 5, 5, 4]],
            vec![2, 3, 4],
            vec![vec![1, 1], vec![1, 1, 1], vec![4]],
        ),
        (
            vec![4, 6],
            vec![vec![2, 2], vec![3, 3]],
            vec![24],
            vec![vec![6, 6, 6, 6]],
        ),
        (
            vec![4, 6],
            vec![vec![1, 1, 1, 1], vec![3, 3]],
            vec![24],
            vec![vec![3, 3, 3, 3, 3, 3, 3, 3]],
        ),
        (
            vec![4, 1, 6],
            vec![vec![2, 2], vec![1], vec![3, 3]],
            vec![4, 6],
            vec![vec![2, 2], vec![3, 3]],
        ),
        (
            vec![4, 6],
            vec![vec![2, 2], vec![3, 3]],
            vec![4, 1, 6, 1],
            vec![vec![2, 2], vec![1], vec![3, 3], vec![1]],
        ),
        (
            vec![100],
            vec![vec![7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 2]],
            vec![10, 10],
            vec![vec![1, 1, 1, 1, 1, 1, 1, 1, 1, 1], vec![5, 5]],
        ),
        (
            vec![10, 10],
            vec![vec![3, 3, 3, 1], vec![4, 4, 2]],
            vec![100],
            vec![vec![10, 10, 10, 10, 10, 10, 10, 10, 10, 10]],
        ),
        (
            vec![12, 10],
            vec![vec![5, 5, 2], vec![3, 3, 3, 1]],
            vec![6, 2, 10],
            vec![vec![2, 1, 2, 1], vec![2], vec![3, 3, 3, 1]],
        ),
        (
            vec![12, 10],
            vec![vec![5, 5, 2], vec![3, 3, 3, 1]],
            vec![120],
            vec![vec![10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]],
        ),
        (
            vec![8, 8, 8],
            vec![vec![3, 3, 2], vec![3, 3, 2], vec![3, 3, 2]],
            vec![64, 8],
            vec![vec![8, 8, 8, 8, 8, 8, 8, 8], vec![3, 3, 2]],
        ),
        (
            vec![8, 8, 8],
            vec![vec![3, 3, 2], vec![3, 3, 2], vec![3, 3, 2]],
            vec![8, 64],
            vec![vec![3, 3, 2], vec![8, 8, 8, 8, 8, 8, 8, 8]],
        ),
        (
            vec![8, 8, 8],
            vec![vec![8], vec![8], vec![3, 3, 2]],
            vec![512],
            vec![vec![128, 128, 128, 128]],
        ),
    ]
}

fn arange(shape: &[usize], chunks: Vec<Vec<usize>>) -> Array {
    let n: usize = shape.iter().product();
    let data: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let c = Chunk::from_vec(data, shape).unwrap();
    let whole =
        crate::array::creation::from_chunk(Arc::new(c), &crate::array::ChunkSpec::Full, 7).unwrap();
    crate::array::manipulation::rechunk(&whole, chunks).unwrap()
}

fn eager(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

#[test]
fn chunk_choices_match_dask() {
    for (shape, chunks, out, want) in dask_cases() {
        let (_, got) = plan_chunks(&shape, &out, &chunks).unwrap();
        assert_eq!(got, want, "{shape:?} in {chunks:?} -> {out:?}");
    }
}

#[test]
fn values_match_numpy_reshape_in_c_order() {
    for (shape, chunks, out, _) in dask_cases()
        .into_iter()
        .filter(|c| c.0.iter().product::<usize>() <= 4096)
    {
        let a = arange(&shape, chunks.clone());
        let dims: Vec<isize> = out.iter().map(|&d| d as isize).collect();
        let r = reshape(&a, &dims).unwrap();
        let want = chunk::reshape(&eager(&a), &dims).unwrap();
        assert_eq!(eager(&r), want, "{shape:?} in {chunks:?} -> {out:?}");
    }
}

#[test]
fn minus_one_is_inferred_and_uneven_splits_explain_the_two_passes() {
    let a = arange(&[20, 30], vec![vec![10, 10], vec![15, 15]]);
    let r = reshape(&a, &[-1, 3, 10]).unwrap();
    assert_eq!(r.meta().shape, vec![20, 3, 10]);
    assert_eq!(eager(&r), chunk::reshape(&eager(&a), &[20, 3, 10]).unwrap());
    let e = reshape(&a, &[10, 30, 2]).unwrap_err().to_string();
    assert!(e.starts_with("Dask's reshape only supports"), "{e}");
    assert!(e.contains("x.reshape(-1).reshape(10, 30, 2)"), "{e}");
    let two = reshape(&reshape(&a, &[-1]).unwrap(), &[10, 30, 2]).unwrap();
    assert_eq!(
        eager(&two),
        chunk::reshape(&eager(&a), &[10, 30, 2]).unwrap()
    );
    assert_eq!(
        reshape(&a, &[-1, -1]).unwrap_err().to_string(),
        "can only specify one unknown dimension"
    );
    assert_eq!(
        reshape(&a, &[7, -1]).unwrap_err().to_string(),
        "cannot reshape array of size 600 into shape (7,newaxis)"
    );
    assert_eq!(reshape(&a, &[20, 30]).unwrap().name(), a.name());
    assert_eq!(a.meta().dtype, DType::Float64);
}

#[test]
fn empty_arrays_reshape_to_any_shape_of_size_zero() {
    // Found by the array_meta fuzz target: the chunk planner has nothing to
    // split in a size-0 array, so the reshape falls back to one empty block.
    let a = arange(&[5, 3, 0], vec![vec![2, 2, 1], vec![3], vec![0]]);
    let b = arange(&[1, 0, 5], vec![vec![1], vec![0], vec![1; 5]]);
    let r = reshape(&b, &[2, -1, 5]).unwrap();
    assert_eq!(r.meta().chunks, vec![vec![2], vec![0], vec![5]]);
    for out in [vec![0isize], vec![1, 0], vec![0, 7], vec![3, 0, 5]] {
        let r = reshape(&a, &out).unwrap();
        let want: Vec<usize> = out.iter().map(|&d| d as usize).collect();
        assert_eq!(r.meta().shape, want);
        assert_eq!(eager(&r), chunk::reshape(&eager(&a), &out).unwrap());
    }
}
