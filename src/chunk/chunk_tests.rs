use super::*;

// Expected values printed by numpy 2.4.
#[test]
fn constructors_match_numpy() {
    let a = Chunk::arange(0.0, 1.0, 0.3, DType::Float64).unwrap();
    assert_eq!(a.to_f64_vec(), vec![0.0, 0.3, 0.6, 0.8999999999999999]);
    let b = Chunk::arange(2.0, 11.0, 3.0, DType::Int64).unwrap();
    assert_eq!(b, Chunk::from_vec(vec![2i64, 5, 8], &[3]).unwrap());
    assert_eq!(
        Chunk::arange(5.0, 0.0, 1.0, DType::Int64).unwrap().shape(),
        &[0]
    );
    let l = Chunk::linspace(0.0, 1.0, 5, true, DType::Float64).unwrap();
    assert_eq!(l.to_f64_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
    let li = Chunk::linspace(0.0, 10.0, 4, true, DType::Int64).unwrap();
    assert_eq!(li.to_f64_vec(), vec![0., 3., 6., 10.]);
    let ln = Chunk::linspace(-1.0, 1.0, 4, false, DType::Int64).unwrap();
    assert_eq!(ln.to_f64_vec(), vec![-1., -1., 0., 0.]);
    let e = Chunk::eye(3, Some(4), 1, DType::Int64).unwrap();
    assert_eq!(
        e.to_f64_vec(),
        vec![0., 1., 0., 0., 0., 0., 1., 0., 0., 0., 0., 1.]
    );
    let f = Chunk::full(&[2, 2], Scalar::F64(2.7), DType::Int32).unwrap();
    assert_eq!(f, Chunk::from_vec(vec![2i32; 4], &[2, 2]).unwrap());
    let o = Chunk::ones(&[3], DType::Bool).unwrap();
    assert_eq!(o, Chunk::from_vec(vec![true; 3], &[3]).unwrap());
    assert_eq!(Chunk::zeros(&[2, 3], DType::Float32).unwrap().nbytes(), 24);
}

#[test]
fn astype_follows_numpy_casting() {
    let f = Chunk::from_vec(vec![-1.7f64, 2.9, -0.5], &[3]).unwrap();
    assert_eq!(
        f.astype(DType::Int64).unwrap(),
        Chunk::from_vec(vec![-1i64, 2, 0], &[3]).unwrap()
    );
    let i = Chunk::from_vec(vec![261i64, -1], &[2]).unwrap();
    assert_eq!(
        i.astype(DType::UInt8).unwrap(),
        Chunk::from_vec(vec![5u8, 255], &[2]).unwrap()
    );
    let z = Chunk::from_vec(vec![0.0f64, -0.0, 2.0], &[3]).unwrap();
    assert_eq!(
        z.astype(DType::Bool).unwrap(),
        Chunk::from_vec(vec![false, false, true], &[3]).unwrap()
    );
    // numpy on x86: 300.0 -> int8 44; 1e10 -> int32 INT_MIN; 70000.0 -> uint16 4464; -1.0 -> uint64 max
    let big = Chunk::from_vec(vec![300.0f64], &[1]).unwrap();
    assert_eq!(big.astype(DType::Int8).unwrap().to_f64_vec(), vec![44.0]);
    let huge = Chunk::from_vec(vec![1e10f64, f64::NAN], &[2]).unwrap();
    assert_eq!(
        huge.astype(DType::Int32).unwrap(),
        Chunk::from_vec(vec![i32::MIN, i32::MIN], &[2]).unwrap()
    );
    assert_eq!(
        huge.astype(DType::UInt32).unwrap(),
        Chunk::from_vec(vec![1410065408u32, 0], &[2]).unwrap()
    );
    let s = Chunk::from_vec(vec![70000.0f64], &[1]).unwrap();
    assert_eq!(
        s.astype(DType::UInt16).unwrap(),
        Chunk::from_vec(vec![4464u16], &[1]).unwrap()
    );
    let m = Chunk::from_vec(vec![-1.0f64], &[1]).unwrap();
    assert_eq!(
        m.astype(DType::UInt64).unwrap(),
        Chunk::from_vec(vec![u64::MAX], &[1]).unwrap()
    );
}

#[test]
fn scalars_and_items() {
    let a = Chunk::from_vec(vec![1.5f32], &[1, 1]).unwrap();
    assert_eq!(a.item().unwrap(), Scalar::F32(1.5));
    assert!(Chunk::zeros(&[2], DType::Int8).unwrap().item().is_err());
    let z = Chunk::from_scalar(Scalar::I16(-3));
    assert_eq!(z.ndim(), 0);
    assert_eq!(z.dtype(), DType::Int16);
    assert_eq!(Scalar::F64(2.9).astype(DType::Int8), Scalar::I8(2));
    assert_eq!(Scalar::Bool(true).to_string(), "True");
    assert_eq!(Scalar::F64(1e-5).to_string(), "1e-05");
    assert_eq!(Scalar::F32(0.1).to_string(), "0.1");
    assert_eq!(Scalar::F64(3.0).to_string(), "3.0");
}

#[test]
fn huge_allocations_are_errors_not_aborts() {
    let e = Chunk::zeros(&[10_000_000, 10_000_000], DType::Float64).unwrap_err();
    // numpy: "Unable to allocate 728. TiB for an array with shape (10000000, 10000000) and data type float64"
    assert_eq!(
        e.to_string(),
        "Unable to allocate 728. TiB for an array with shape (10000000, 10000000) and data type float64"
    );
    assert!(Chunk::ones(&[usize::MAX, 2], DType::Int8).is_err());
    let a = Chunk::zeros(&[1_000_000, 1], DType::Float64).unwrap();
    let b = Chunk::zeros(&[1, 100_000_000], DType::Float64).unwrap();
    assert!(crate::chunk::binary(crate::chunk::BinaryOp::Add, &a, &b).is_err());
}

#[test]
fn row_bands_build_the_array_or_say_they_do_not_tile() {
    let line = Chunk::arange(0.0, 24.0, 1.0, DType::Float64).unwrap();
    let whole = crate::chunk::reshape(&line, &[6, 4]).unwrap();
    let bands = |sizes: Vec<usize>| {
        let mut at = 0;
        let mut sizes = sizes.into_iter();
        let whole = whole.clone();
        move || {
            let n = sizes.next()?;
            let b = crate::chunk::blocks::sub(&whole, &[at, 0], &[n, 4]);
            at += n;
            Some(b)
        }
    };
    let built = Chunk::from_row_bands(&[6, 4], DType::Float64, bands(vec![2, 3, 1])).unwrap();
    assert_eq!(built, whole);
    let short = Chunk::from_row_bands(&[6, 4], DType::Float64, bands(vec![2, 3]));
    assert!(short.unwrap_err().to_string().contains("do not tile"));
    let wrong_type = Chunk::from_row_bands(&[6, 4], DType::Int64, bands(vec![6]));
    assert!(wrong_type.is_err());
}
