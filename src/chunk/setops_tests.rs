use super::*;

fn i64s(v: &[i64]) -> Chunk {
    Chunk::from_vec(v.to_vec(), &[v.len()]).unwrap()
}

fn vals(c: &Chunk) -> Vec<i64> {
    c.to_f64_vec().iter().map(|&v| v as i64).collect()
}

// Expected values printed by numpy 2.4.
#[test]
fn isin_promotes_and_inverts() {
    let e = reshape(&i64s(&[0, 1, 2, 3, 4, 5]), &[2, 3]).unwrap();
    let t = Chunk::from_vec(vec![2.0, 3.5, 5.0, f64::NAN], &[4]).unwrap();
    let r = isin(&e, &t, false).unwrap();
    assert_eq!(r.shape(), &[2, 3]);
    assert_eq!(vals(&r), vec![0, 0, 1, 0, 0, 1]);
    assert_eq!(vals(&isin(&e, &t, true).unwrap()), vec![1, 1, 0, 1, 1, 0]);
    let n = Chunk::from_vec(vec![f64::NAN, 1.0], &[2]).unwrap();
    assert_eq!(vals(&isin(&n, &n, false).unwrap()), vec![0, 1]);
}

#[test]
fn unique_sorts_counts_and_merges() {
    let (u, c) = unique_counts(&i64s(&[3, 1, 3, 0, 1, 3]), None).unwrap();
    assert_eq!(vals(&u), vec![0, 1, 3]);
    assert_eq!(vals(&c), vec![1, 2, 3]);
    assert_eq!(c.dtype(), DType::Int64);
    let f = Chunk::from_vec(vec![3.0, f64::NAN, 1.0, f64::NAN], &[4]).unwrap();
    let (u, c) = unique_counts(&f, None).unwrap();
    assert_eq!(u.size(), 3);
    assert!(u.to_f64_vec()[2].is_nan());
    assert_eq!(vals(&c), vec![1, 1, 2]);
    let (a, ac) = unique_counts(&i64s(&[5, 2, 5]), None).unwrap();
    let (b, bc) = unique_counts(&i64s(&[2, 9]), None).unwrap();
    let (m, mc) = unique_merge(&[a, b], &[ac, bc]).unwrap();
    assert_eq!(vals(&m), vec![2, 5, 9]);
    assert_eq!(vals(&mc), vec![2, 2, 1]);
}

#[test]
fn bincount_counts_weights_and_errors() {
    let x = i64s(&[1, 3, 3, 0, 7]);
    assert_eq!(
        vals(&bincount(&x, None, 0).unwrap()),
        vec![1, 1, 0, 2, 0, 0, 0, 1]
    );
    assert_eq!(bincount(&x, None, 10).unwrap().size(), 10);
    let w = Chunk::from_vec(vec![0.5; 5], &[5]).unwrap();
    let b = bincount(&x, Some(&w), 0).unwrap();
    assert_eq!(b.dtype(), DType::Float64);
    assert_eq!(b.to_f64_vec()[3], 1.0);
    assert_eq!(bincount(&i64s(&[]), None, 0).unwrap().size(), 0);
    assert!(
        matches!(bincount(&i64s(&[-1]), None, 0), Err(ChunkError::Value(m)) if m.contains("negative"))
    );
    let m2 = reshape(&x.clone(), &[5, 1]).unwrap();
    assert!(bincount(&m2, None, 0).is_err());
    let parts = [i64s(&[1, 2]), i64s(&[0, 0, 5])];
    let refs: Vec<&Chunk> = parts.iter().collect();
    assert_eq!(
        vals(&add_padded(&refs, 4, DType::Int64).unwrap()),
        vec![1, 2, 5, 0]
    );
}
