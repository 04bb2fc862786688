//! Lazy einsum = eager einsum, with Dask's chunks (printed by Dask 2026.8).

use super::*;
use crate::array::chunks::{AxisSpec, ChunkSpec};
use crate::array::{compute, creation, ComputeOptions};
use crate::chunk::einsum_exec;
use crate::sched::{CancelToken, Scheduler};

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn lazy(c: &Chunk, sizes: &[usize]) -> Array {
    let spec = ChunkSpec::PerAxis(sizes.iter().map(|&s| AxisSpec::Size(s)).collect());
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let token = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    creation::from_chunk(Arc::new(c.clone()), &spec, token).unwrap()
}

fn arange(shape: &[usize]) -> Chunk {
    let n: usize = shape.iter().product();
    Chunk::from_vec((0..n as i64).collect(), shape).unwrap()
}

/// Lazy result = eager result; returns the lazy result's chunks.
fn same(s: &str, ops: &[(Chunk, Vec<usize>)]) -> Vec<Vec<usize>> {
    let arrays: Vec<Array> = ops.iter().map(|(c, sz)| lazy(c, sz)).collect();
    let eager: Vec<&Chunk> = ops.iter().map(|(c, _)| c).collect();
    let r = einsum(s, &arrays, None).unwrap();
    let want = einsum_exec::einsum(s, &eager).unwrap();
    assert_eq!(run(&r).to_f64_vec(), want.to_f64_vec(), "{s}");
    assert_eq!(r.meta().shape, want.shape(), "{s}");
    r.meta().chunks.clone()
}

#[test]
fn common_forms_match_eager_with_dasks_chunks() {
    let x = (arange(&[3, 4]), vec![2, 2]);
    let y = (arange(&[4, 5]), vec![3, 2]);
    assert_eq!(
        same("ij,jk->ik", &[x.clone(), y.clone()]),
        vec![vec![2, 1], vec![2, 2, 1]]
    );
    assert_eq!(
        same("ij,jk", &[x.clone(), y.clone()]),
        vec![vec![2, 1], vec![2, 2, 1]]
    );
    assert_eq!(
        same("ij->ji", std::slice::from_ref(&x)),
        vec![vec![2, 2], vec![2, 1]]
    );
    assert_eq!(same("ij->j", std::slice::from_ref(&x)), vec![vec![2, 2]]);
    assert_eq!(
        same("ij->", std::slice::from_ref(&x)),
        Vec::<Vec<usize>>::new()
    );
    assert_eq!(
        same("ij,ij->ij", &[x.clone(), x.clone()]),
        vec![vec![2, 1], vec![2, 2]]
    );
    assert_eq!(
        same("ij,ij", &[x.clone(), x.clone()]),
        Vec::<Vec<usize>>::new()
    );
    let v = (arange(&[4]), vec![2]);
    assert_eq!(
        same("i,j->ij", &[v.clone(), v.clone()]),
        vec![vec![1; 4], vec![1; 4]]
    );
    assert_eq!(
        same("i,i", &[v.clone(), v.clone()]),
        Vec::<Vec<usize>>::new()
    );
    let sq = (arange(&[4, 4]), vec![3, 3]);
    assert_eq!(same("ii->i", std::slice::from_ref(&sq)), vec![vec![3, 1]]);
    assert_eq!(
        same("ii", std::slice::from_ref(&sq)),
        Vec::<Vec<usize>>::new()
    );
    let a3 = (arange(&[2, 3, 4]), vec![1, 2, 2]);
    let b3 = (arange(&[2, 4, 5]), vec![1, 3, 2]);
    assert_eq!(
        same("bij,bjk->bik", &[a3.clone(), b3]),
        vec![vec![1, 1], vec![2, 1], vec![2, 2, 1]]
    );
    assert_eq!(
        same("...ij,...jk->...ik", &[a3, y]),
        vec![vec![1, 1], vec![2, 1], vec![2, 2, 1]]
    );
    let z = (arange(&[3, 5]), vec![2, 2]);
    assert_eq!(
        same("ji,jk->ki", &[x.clone(), z]),
        vec![vec![2, 2, 1], vec![2, 2]]
    );
    // A length-1 axis broadcasts against the other operand's.
    same("ij,jk", &[x, (arange(&[1, 3]), vec![1, 2])]);
}

#[test]
fn dtypes_follow_dask() {
    let i32s = arange(&[2, 3]).astype(DType::Int32).unwrap();
    let x = lazy(&i32s, &[2, 2]);
    let keep = einsum("ij->ij", std::slice::from_ref(&x), None).unwrap();
    let sum = einsum("ij->", &[x], None).unwrap();
    assert_eq!(
        (keep.meta().dtype, sum.meta().dtype),
        (DType::Int32, DType::Int64)
    );
}

#[test]
fn dask_and_numpy_messages() {
    let x = lazy(&arange(&[2, 3]), &[2, 2]);
    let y = lazy(&arange(&[4, 3]), &[2, 2]);
    let msg = |s: &str, ops: &[Array]| einsum(s, ops, None).unwrap_err().to_string();
    assert_eq!(
        msg("i$", std::slice::from_ref(&x)),
        "Character $ is not a valid symbol."
    );
    assert_eq!(
        msg("ij->->", std::slice::from_ref(&x)),
        "Subscripts can only contain one '->'."
    );
    assert_eq!(
        msg("ij->k", std::slice::from_ref(&x)),
        "Output character k did not appear in the input"
    );
    assert_eq!(
        msg("ij", &[x.clone(), x.clone()]),
        "Number of einsum subscripts must be equal to the number of operands."
    );
    assert_eq!(
        msg("ijk", std::slice::from_ref(&x)),
        "Index string ('i', 'j', 'k') does not match array dimension 2"
    );
    assert_eq!(
        msg("ij->ii", std::slice::from_ref(&x)),
        "('Repeated elements not allowed in output index', ['i'])"
    );
    assert!(msg("ij,jk", &[x.clone(), y]).starts_with("operands could not be broadcast together"));
    assert!(msg("ii", &[x]).contains("collapsing index 'i'"));
}
