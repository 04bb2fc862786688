use super::*;
use crate::chunk::Scalar;

fn f64s(v: &[f64], shape: &[usize]) -> Chunk {
    Chunk::from_vec(v.to_vec(), shape).unwrap()
}

fn i64s(v: &[i64], shape: &[usize]) -> Chunk {
    Chunk::from_vec(v.to_vec(), shape).unwrap()
}

#[test]
fn broadcasting_shapes_and_values() {
    let a = f64s(&[1., 2., 3., 4., 5., 6.], &[2, 3]);
    let b = f64s(&[10., 20., 30.], &[3]);
    let r = binary(BinaryOp::Add, &a, &b).unwrap();
    assert_eq!(r.shape(), &[2, 3]);
    assert_eq!(r.to_f64_vec(), vec![11., 22., 33., 14., 25., 36.]);
    let col = f64s(&[1., 2.], &[2, 1]);
    let r = binary(BinaryOp::Mul, &col, &b).unwrap();
    assert_eq!(r.shape(), &[2, 3]);
    assert_eq!(r.to_f64_vec(), vec![10., 20., 30., 20., 40., 60.]);
}

#[test]
fn broadcast_error_has_numpy_wording() {
    let a = f64s(&[0.; 6], &[2, 3]);
    let b = f64s(&[0.; 4], &[4]);
    let e = binary(BinaryOp::Add, &a, &b).unwrap_err();
    assert_eq!(
        e.to_string(),
        "operands could not be broadcast together with shapes (2,3) (4,) "
    );
}

#[test]
fn python_sign_rules_for_floordiv_and_mod() {
    // numpy: [-7, 7] // [2, -2] -> [-4, -4]; % -> [1, -1]
    let a = i64s(&[-7, 7], &[2]);
    let b = i64s(&[2, -2], &[2]);
    assert_eq!(
        binary(BinaryOp::FloorDiv, &a, &b).unwrap(),
        i64s(&[-4, -4], &[2])
    );
    assert_eq!(binary(BinaryOp::Mod, &a, &b).unwrap(), i64s(&[1, -1], &[2]));
    // numpy: [-7.5, 7.5] // 2 -> [-4, 3]; [-7.5, 7.5] % -2 -> [-1.5, -0.5]
    let x = f64s(&[-7.5, 7.5], &[2]);
    let fd = binary_scalar(BinaryOp::FloorDiv, &x, PyScalar::Int(2), false).unwrap();
    assert_eq!(fd.to_f64_vec(), vec![-4., 3.]);
    let md = binary_scalar(BinaryOp::Mod, &x, PyScalar::Int(-2), false).unwrap();
    assert_eq!(md.to_f64_vec(), vec![-1.5, -0.5]);
}

#[test]
fn integer_division_by_zero_is_zero() {
    let a = i64s(&[1, 2], &[2]);
    let z = i64s(&[0, 0], &[2]);
    assert_eq!(
        binary(BinaryOp::FloorDiv, &a, &z).unwrap(),
        i64s(&[0, 0], &[2])
    );
    assert_eq!(binary(BinaryOp::Mod, &a, &z).unwrap(), i64s(&[0, 0], &[2]));
    let t = binary(BinaryOp::TrueDiv, &a, &z).unwrap();
    assert_eq!(t.dtype(), DType::Float64);
    assert!(t.to_f64_vec().iter().all(|v| v.is_infinite()));
}

#[test]
fn result_dtypes_follow_numpy() {
    let i8a = Chunk::from_vec(vec![1i8, 2], &[2]).unwrap();
    let u8a = Chunk::from_vec(vec![1u8, 2], &[2]).unwrap();
    let f32a = Chunk::from_vec(vec![1f32, 2.], &[2]).unwrap();
    assert_eq!(
        binary(BinaryOp::Add, &i8a, &u8a).unwrap().dtype(),
        DType::Int16
    );
    assert_eq!(
        binary(BinaryOp::TrueDiv, &i8a, &i8a).unwrap().dtype(),
        DType::Float64
    );
    assert_eq!(
        binary(BinaryOp::Mul, &f32a, &i8a).unwrap().dtype(),
        DType::Float32
    );
    assert_eq!(
        binary(BinaryOp::Lt, &f32a, &i8a).unwrap().dtype(),
        DType::Bool
    );
    assert_eq!(
        binary_scalar(BinaryOp::Add, &i8a, PyScalar::Int(3), false)
            .unwrap()
            .dtype(),
        DType::Int8
    );
    assert_eq!(
        binary_scalar(BinaryOp::Add, &i8a, PyScalar::Float(0.5), false)
            .unwrap()
            .dtype(),
        DType::Float64
    );
    assert_eq!(
        binary_scalar(BinaryOp::Mul, &f32a, PyScalar::Float(0.5), true)
            .unwrap()
            .dtype(),
        DType::Float32
    );
    assert!(binary_scalar(BinaryOp::Add, &u8a, PyScalar::Int(300), false).is_err());
    let b = Chunk::from_vec(vec![true, false], &[2]).unwrap();
    assert_eq!(
        binary(BinaryOp::FloorDiv, &b, &b).unwrap().dtype(),
        DType::Int8
    );
    assert_eq!(binary(BinaryOp::Add, &b, &b).unwrap().dtype(), DType::Bool);
    assert!(binary(BinaryOp::Sub, &b, &b).is_err());
}

#[test]
fn wrapping_and_shifts() {
    let a = Chunk::from_vec(vec![127i8, -128], &[2]).unwrap();
    let r = binary_scalar(BinaryOp::Add, &a, PyScalar::Int(1), false).unwrap();
    assert_eq!(r, Chunk::from_vec(vec![-128i8, -127], &[2]).unwrap());
    // numpy: left_shift(int8 1, 9) -> 0; right_shift(int8 -8, 9) -> -1
    let one = Chunk::from_vec(vec![1i8], &[1]).unwrap();
    let m8 = Chunk::from_vec(vec![-8i8], &[1]).unwrap();
    let nine = Chunk::from_vec(vec![9i8], &[1]).unwrap();
    assert_eq!(
        binary(BinaryOp::LeftShift, &one, &nine)
            .unwrap()
            .to_f64_vec(),
        vec![0.]
    );
    assert_eq!(
        binary(BinaryOp::RightShift, &m8, &nine)
            .unwrap()
            .to_f64_vec(),
        vec![-1.]
    );
    let x = i64s(&[12], &[1]);
    let y = i64s(&[10], &[1]);
    assert_eq!(
        binary(BinaryOp::BitAnd, &x, &y).unwrap().to_f64_vec(),
        vec![8.]
    );
    assert_eq!(
        binary(BinaryOp::BitOr, &x, &y).unwrap().to_f64_vec(),
        vec![14.]
    );
    assert_eq!(
        binary(BinaryOp::BitXor, &x, &y).unwrap().to_f64_vec(),
        vec![6.]
    );
    assert!(binary(BinaryOp::BitAnd, &f64s(&[1.], &[1]), &x).is_err());
}

#[test]
fn pow_and_negative_integer_powers() {
    let a = i64s(&[2, 3], &[2]);
    assert_eq!(
        binary(BinaryOp::Pow, &a, &i64s(&[10, 3], &[2])).unwrap(),
        i64s(&[1024, 27], &[2])
    );
    let e = binary(BinaryOp::Pow, &a, &i64s(&[-1, 1], &[2])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Integers to negative integer powers are not allowed."
    );
    let f = binary_scalar(BinaryOp::Pow, &a, PyScalar::Float(0.5), false).unwrap();
    assert!((f.to_f64_vec()[0] - 2f64.sqrt()).abs() < 1e-15);
}

#[test]
fn maximum_propagates_nan_fmax_does_not() {
    let a = f64s(&[1., f64::NAN, 3.], &[3]);
    let b = f64s(&[f64::NAN, 2., 1.], &[3]);
    let m = binary(BinaryOp::Maximum, &a, &b).unwrap().to_f64_vec();
    assert!(m[0].is_nan() && m[1].is_nan() && m[2] == 3.);
    let f = binary(BinaryOp::Fmax, &a, &b).unwrap().to_f64_vec();
    assert_eq!(f, vec![1., 2., 3.]);
}

#[test]
fn where_and_clip() {
    let c = Chunk::from_vec(vec![true, false, true], &[3]).unwrap();
    let a = i64s(&[1, 2, 3], &[3]);
    let b = f64s(&[0.5], &[1]);
    let w = where_(&c, &a, &b).unwrap();
    assert_eq!(w.dtype(), DType::Float64);
    assert_eq!(w.to_f64_vec(), vec![1., 0.5, 3.]);
    let x = i64s(&[-5, 0, 5, 10], &[4]);
    let r = clip_scalar(&x, Some(PyScalar::Int(0)), Some(PyScalar::Int(6))).unwrap();
    assert_eq!(r, i64s(&[0, 0, 5, 6], &[4]));
    let lo = Chunk::from_scalar(Scalar::F64(-1.5));
    let r = clip(&x, Some(&lo), None).unwrap();
    assert_eq!(r.to_f64_vec(), vec![-1.5, 0., 5., 10.]);
}

#[test]
fn large_inputs_take_the_parallel_path_with_same_results() {
    let n = crate::chunk::PAR_THRESHOLD * 2 + 3;
    let v: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let a = Chunk::from_vec(v, &[n]).unwrap();
    let r = binary_scalar(BinaryOp::Mul, &a, PyScalar::Int(2), false).unwrap();
    let got = r.to_f64_vec();
    assert!(got.iter().enumerate().all(|(i, &x)| x == 2.0 * i as f64));
}

#[test]
fn float_powers_without_libm_match_powf() {
    // Squares, cubes and reciprocals take a fast path, rounded once (libm's
    // pow is only within an ulp, so allow that much).
    let mut vals: Vec<f64> = vec![0.0, -0.0, 1.0, -1.0, 2.5, -3.75, 1e-100, 1e100, 1e300];
    vals.extend([f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE]);
    let mut z = 0x1234_5678_9abc_def0u64;
    for _ in 0..20000 {
        z ^= z << 13;
        z ^= z >> 7;
        z ^= z << 17;
        let m = (z >> 11) as f64 / (1u64 << 53) as f64;
        let e = ((z & 0xff) as i32) - 128;
        vals.push((m - 0.5) * 2f64.powi(e));
    }
    let x = Chunk::from_vec(vals.clone(), &[vals.len()]).unwrap();
    for p in [2.0, 3.0, -1.0] {
        let got = binary_scalar(BinaryOp::Pow, &x, PyScalar::Float(p), false).unwrap();
        for (v, g) in vals.iter().zip(got.to_f64_vec()) {
            let want = v.powf(p);
            let ulps = (g.to_bits() as i64)
                .wrapping_sub(want.to_bits() as i64)
                .abs();
            assert!(
                ulps <= 1 || (g.is_nan() && want.is_nan()),
                "{v} ** {p}: {g} vs {want}"
            );
        }
    }
}

#[test]
fn integer_squares_and_cubes_wrap_like_numpy() {
    // The multiply fast path must equal the generic wrapping pow, overflow
    // included (NumPy: np.int32(50000) ** 2 == -1794967296).
    let v: Vec<i32> = vec![0, 1, -1, 7, -9, 1290, 50000, i32::MAX, i32::MIN];
    let x = Chunk::from_vec(v.clone(), &[3, 3]).unwrap();
    for p in [2i64, 3] {
        let got = binary_scalar(BinaryOp::Pow, &x, PyScalar::Int(p), false).unwrap();
        assert_eq!(got.dtype(), DType::Int32);
        assert_eq!(got.shape(), &[3, 3]);
        let want: Vec<f64> = v.iter().map(|&a| a.wrapping_pow(p as u32) as f64).collect();
        assert_eq!(got.to_f64_vec(), want, "** {p}");
    }
    let u = Chunk::from_vec(vec![3u8, 16, 255], &[3]).unwrap();
    let sq = binary_scalar(BinaryOp::Pow, &u, PyScalar::Int(2), false).unwrap();
    assert_eq!(sq.to_f64_vec(), vec![9., 0., 1.]);
    // A one-element exponent with more axes still broadcasts the result up.
    let e = i64s(&[2], &[1, 1, 1]);
    let r = binary(BinaryOp::Pow, &i64s(&[3, 4], &[2]), &e).unwrap();
    assert_eq!(r.shape(), &[1, 1, 2]);
    assert_eq!(r.to_f64_vec(), vec![9., 16.]);
}
