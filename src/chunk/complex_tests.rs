//! Values and text from NumPy 2.4.
use super::*;
use crate::chunk::format;

fn z(v: &[(f64, f64)]) -> Chunk {
    let re = Chunk::from_vec(v.iter().map(|p| p.0).collect(), &[v.len()]).unwrap();
    let im = Chunk::from_vec(v.iter().map(|p| p.1).collect(), &[v.len()]).unwrap();
    from_parts(&re, &im).unwrap()
}

#[test]
fn repr_matches_numpy() {
    let a = z(&[(1., 2.), (-3., -0.5)]);
    assert_eq!(format::repr(&a), "array([ 1.+2.j , -3.-0.5j])");
    assert_eq!(format::str(&a), "[ 1.+2.j  -3.-0.5j]");
    assert_eq!(format::repr(&z(&[(0.5, 0.)])), "array([0.5+0.j])");
    assert_eq!(
        format::repr(&z(&[(1e10, 1.), (1., 0.)])),
        "array([1.e+10+1.j, 1.e+00+0.j])"
    );
    assert_eq!(
        format::repr(&z(&[(f64::NAN, 1.), (f64::INFINITY, -2.)])),
        "array([nan+1.j, inf-2.j])"
    );
    assert_eq!(format::py_complex_repr(0., 1.), "1j");
    assert_eq!(format::py_complex_repr(1., -2.), "(1-2j)");
    assert_eq!(format::py_complex_repr(-0.0, -0.5), "(-0-0.5j)");
}

#[test]
fn arithmetic_promotion_and_casts() {
    let a = z(&[(1., 2.), (-3., -0.5)]);
    let two = Chunk::from_vec(vec![2i64], &[]).unwrap();
    let p = crate::chunk::binary(BinaryOp::Mul, &a, &two).unwrap();
    assert_eq!(format::repr(&p), "array([ 2.+4.j, -6.-1.j])");
    let sq = crate::chunk::binary(BinaryOp::Pow, &a, &two).unwrap();
    assert_eq!(format::repr(&sq), "array([-3.  +4.j,  8.75+3.j])");
    assert_eq!(
        DType::promote(DType::Int8, DType::Complex128),
        DType::Complex128
    );
    assert_eq!(
        a.astype(DType::Float64).unwrap().to_f64_vec(),
        vec![1., -3.]
    );
    assert_eq!(a.astype(DType::Bool).unwrap().to_f64_vec(), vec![1., 1.]);
    let s = crate::chunk::reduce(&a, ReduceOp::Sum, None, false, 0).unwrap();
    assert_eq!(
        format::scalar_repr(&s.get_flat(0)),
        "np.complex128(-2+1.5j)"
    );
    let e = crate::chunk::unary(UnaryOp::Floor, &a).unwrap_err();
    assert!(e.to_string().starts_with("ufunc 'floor' not supported"));
    assert_eq!(unary(UnaryOp::Abs, &a).unwrap().dtype(), DType::Float64);
}
