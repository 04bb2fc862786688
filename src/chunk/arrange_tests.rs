use super::*;
use crate::chunk::{reshape, DType, Scalar};

fn ar(n: i64, shape: &[isize]) -> Chunk {
    reshape(
        &Chunk::from_vec((0..n).collect::<Vec<i64>>(), &[n as usize]).unwrap(),
        shape,
    )
    .unwrap()
}

fn vals(c: &Chunk) -> Vec<i64> {
    c.to_f64_vec().iter().map(|&v| v as i64).collect()
}

// Expected values printed by numpy 2.4.
#[test]
fn repeat_along_axes() {
    let a = ar(6, &[2, 3]);
    let r = repeat(&a, 2, Some(0)).unwrap();
    assert_eq!(r.shape(), &[4, 3]);
    assert_eq!(vals(&r), vec![0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5]);
    let r = repeat(&a, 2, Some(-1)).unwrap();
    assert_eq!(vals(&r), vec![0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    let r = repeat(&a, 3, None).unwrap();
    assert_eq!(r.shape(), &[18]);
    assert_eq!(repeat(&a, 0, Some(1)).unwrap().shape(), &[2, 0]);
    assert!(repeat(&a, 2, Some(2)).is_err());
    assert!(matches!(
        repeat(&a, usize::MAX / 2, Some(0)),
        Err(ChunkError::AllocationTooLarge(..)) | Err(ChunkError::Value(_))
    ));
}

#[test]
fn tile_prepends_axes_and_reps() {
    let a = ar(3, &[3]);
    assert_eq!(vals(&tile(&a, &[2]).unwrap()), vec![0, 1, 2, 0, 1, 2]);
    let t = tile(&a, &[2, 2]).unwrap();
    assert_eq!(t.shape(), &[2, 6]);
    let b = ar(4, &[2, 2]);
    let t = tile(&b, &[2]).unwrap();
    assert_eq!(t.shape(), &[2, 4]);
    assert_eq!(vals(&t), vec![0, 1, 0, 1, 2, 3, 2, 3]);
    assert_eq!(tile(&b, &[0, 1]).unwrap().shape(), &[0, 2]);
}

#[test]
fn pad_constant_each_side() {
    let a = ar(4, &[2, 2]);
    let z = (Scalar::I64(0), Scalar::I64(9));
    let p = pad_constant(&a, &[(1, 0), (0, 1)], &[z, z]).unwrap();
    assert_eq!(p.shape(), &[3, 3]);
    assert_eq!(vals(&p), vec![0, 0, 9, 0, 1, 9, 2, 3, 9]);
    let f = pad_constant(
        &a.astype(DType::Float32).unwrap(),
        &[(1, 1), (0, 0)],
        &[(Scalar::F64(1.5), Scalar::F64(1.5)); 2],
    )
    .unwrap();
    assert_eq!(f.dtype(), DType::Float32);
    assert_eq!(f.to_f64_vec()[0], 1.5);
}

#[test]
fn diff_orders_and_bools() {
    let a = Chunk::from_vec(vec![1i64, 2, 4, 7, 0], &[5]).unwrap();
    assert_eq!(vals(&diff(&a, 1, -1).unwrap()), vec![1, 2, 3, -7]);
    assert_eq!(vals(&diff(&a, 2, 0).unwrap()), vec![1, 1, -10]);
    assert_eq!(diff(&a, 9, 0).unwrap().shape(), &[0]);
    let b = Chunk::from_vec(vec![true, true, false], &[3]).unwrap();
    let d = diff(&b, 1, 0).unwrap();
    assert_eq!(d.dtype(), DType::Bool);
    assert_eq!(vals(&d), vec![0, 1]);
    let m = ar(6, &[2, 3]);
    assert_eq!(vals(&diff(&m, 1, 0).unwrap()), vec![3, 3, 3]);
    assert!(diff(&Chunk::from_vec(vec![1i64], &[]).unwrap(), 1, 0).is_err());
}
