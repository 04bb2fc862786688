use super::*;

#[test]
fn float_ufuncs_and_result_dtypes() {
    let a = Chunk::from_vec(vec![0.0f64, 1.0, 4.0], &[3]).unwrap();
    assert_eq!(
        unary(UnaryOp::Sqrt, &a).unwrap().to_f64_vec(),
        vec![0., 1., 2.]
    );
    let i = Chunk::from_vec(vec![1i64, 2], &[2]).unwrap();
    let s = unary(UnaryOp::Exp, &i).unwrap();
    assert_eq!(s.dtype(), DType::Float64);
    assert!((s.to_f64_vec()[0] - std::f64::consts::E).abs() < 1e-15);
    let i8a = Chunk::from_vec(vec![1i8], &[1]).unwrap();
    // numpy gives float16 here; Tessera's closest is float32
    assert_eq!(unary(UnaryOp::Sin, &i8a).unwrap().dtype(), DType::Float32);
    assert_eq!(unary(UnaryOp::Floor, &i).unwrap(), i);
}

#[test]
fn predicates_and_logical() {
    let a = Chunk::from_vec(vec![f64::NAN, f64::INFINITY, 1.0], &[3]).unwrap();
    let n = unary(UnaryOp::IsNan, &a).unwrap();
    assert_eq!(n, Chunk::from_vec(vec![true, false, false], &[3]).unwrap());
    let f = unary(UnaryOp::IsFinite, &a).unwrap();
    assert_eq!(f, Chunk::from_vec(vec![false, false, true], &[3]).unwrap());
    let inf = unary(UnaryOp::IsInf, &a).unwrap();
    assert_eq!(
        inf,
        Chunk::from_vec(vec![false, true, false], &[3]).unwrap()
    );
    let b = Chunk::from_vec(vec![true, false], &[2]).unwrap();
    assert_eq!(
        unary(UnaryOp::Invert, &b).unwrap(),
        Chunk::from_vec(vec![false, true], &[2]).unwrap()
    );
    let i = Chunk::from_vec(vec![0i32, 5], &[2]).unwrap();
    assert_eq!(
        unary(UnaryOp::Invert, &i).unwrap(),
        Chunk::from_vec(vec![-1i32, -6], &[2]).unwrap()
    );
    assert_eq!(
        unary(UnaryOp::LogicalNot, &i).unwrap(),
        Chunk::from_vec(vec![true, false], &[2]).unwrap()
    );
    assert!(unary(UnaryOp::Neg, &b).is_err());
    assert!(unary(UnaryOp::Invert, &a).is_err());
}

#[test]
fn round_half_to_even_like_numpy() {
    // numpy: np.round([1234, 1250, 1350], -2) -> [1200, 1200, 1400]
    let i = Chunk::from_vec(vec![1234i64, 1250, 1350], &[3]).unwrap();
    assert_eq!(
        round(&i, -2).unwrap(),
        Chunk::from_vec(vec![1200i64, 1200, 1400], &[3]).unwrap()
    );
    // numpy: np.round([0.5, 1.5, 2.5, -0.5]) -> [0, 2, 2, -0]
    let f = Chunk::from_vec(vec![0.5f64, 1.5, 2.5, -0.5], &[4]).unwrap();
    assert_eq!(round(&f, 0).unwrap().to_f64_vec(), vec![0., 2., 2., -0.]);
    // numpy: np.round([0.125, 0.135], 2) -> [0.12, 0.14]
    let g = Chunk::from_vec(vec![0.125f64, 0.135], &[2]).unwrap();
    assert_eq!(round(&g, 2).unwrap().to_f64_vec(), vec![0.12, 0.14]);
}

#[test]
fn int_abs_sign_reciprocal() {
    let i = Chunk::from_vec(vec![-3i64, 0, 2, 1], &[4]).unwrap();
    assert_eq!(
        unary(UnaryOp::Abs, &i).unwrap().to_f64_vec(),
        vec![3., 0., 2., 1.]
    );
    assert_eq!(
        unary(UnaryOp::Sign, &i).unwrap().to_f64_vec(),
        vec![-1., 0., 1., 1.]
    );
    // numpy: np.reciprocal([0, 1, 2, -3]) -> [INT64_MIN, 1, 0, 0]
    let r = Chunk::from_vec(vec![0i64, 1, 2, -3], &[4]).unwrap();
    assert_eq!(
        unary(UnaryOp::Reciprocal, &r).unwrap(),
        Chunk::from_vec(vec![i64::MIN, 1, 0, 0], &[4]).unwrap()
    );
}
