use super::*;
use crate::chunk::{concatenate, reshape};

fn i64s(v: &[i64]) -> Chunk {
    Chunk::from_vec(v.to_vec(), &[v.len()]).unwrap()
}

fn vals(c: &Chunk) -> Vec<i64> {
    c.to_f64_vec().iter().map(|&v| v as i64).collect()
}

// Expected values printed by dask 2026.8 (da.topk / da.argtopk).
#[test]
fn largest_descending_smallest_ascending() {
    let t = i64s(&[5, 1, 9, 3, 7, 2, 8]);
    assert_eq!(vals(&topk(&t, 2, -1).unwrap()), vec![9, 8]);
    assert_eq!(vals(&topk(&t, -3, 0).unwrap()), vec![1, 2, 3]);
    assert_eq!(vals(&argtopk(&t, None, 0, 2, 0).unwrap().1), vec![2, 6]);
    assert_eq!(vals(&argtopk(&t, None, 0, -2, 0).unwrap().1), vec![1, 5]);
    assert_eq!(topk(&t, 10, 0).unwrap().size(), 7);
    assert_eq!(topk(&t, 0, 0).unwrap().size(), 0);
}

#[test]
fn blockwise_then_merge_equals_whole() {
    let t = i64s(&[5, 1, 9, 3, 7, 2, 8, 4, 0]);
    let m = reshape(&t, &[3, 3]).unwrap();
    for k in [-2i64, -1, 1, 2, 3] {
        let whole = argtopk(&m, None, 0, k, 0).unwrap();
        let mut vs = Vec::new();
        let mut is = Vec::new();
        for (start, stop) in [(0usize, 2usize), (2, 3)] {
            let idx = [crate::chunk::index::IndexElem::Slice {
                start: Some(start as isize),
                stop: Some(stop as isize),
                step: 1,
            }];
            let blk = crate::chunk::slice(&m, &idx).unwrap();
            let (v, i) = argtopk(&blk, None, start as i64, k, 0).unwrap();
            vs.push(v);
            is.push(i);
        }
        let v = concatenate(&vs, 0).unwrap();
        let i = concatenate(&is, 0).unwrap();
        let merged = argtopk(&v, Some(&i), 0, k, 0).unwrap();
        assert_eq!(merged, whole, "k={k}");
    }
}
