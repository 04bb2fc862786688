//! Values from NumPy 2.4 (`numpy.linalg` on the same inputs).
use super::*;

fn f(v: Vec<f64>, s: &[usize]) -> Chunk {
    Chunk::from_vec(v, s).unwrap()
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
}

fn a22() -> Chunk {
    f(vec![1., 2., 3., 4.], &[2, 2])
}

#[test]
fn det_and_slogdet_round_like_numpy() {
    assert_eq!(det(&a22()).unwrap().to_f64_vec(), vec![-2.0000000000000004]);
    let (s, l) = slogdet(&a22()).unwrap();
    assert_eq!(
        (s.to_f64_vec(), l.to_f64_vec()),
        (vec![-1.0], vec![0.6931471805599455])
    );
    let (s, l) = slogdet(&f(vec![1., 2., 2., 4.], &[2, 2])).unwrap();
    assert_eq!(
        (s.to_f64_vec(), l.to_f64_vec()),
        (vec![0.0], vec![f64::NEG_INFINITY])
    );
    // A stack of two matrices, int input → float64.
    let st = Chunk::from_vec(vec![1i64, 0, 0, 1, 2, 0, 0, 3], &[2, 2, 2]).unwrap();
    let d = det(&st).unwrap();
    assert_eq!(
        (d.dtype(), d.shape(), d.to_f64_vec()),
        (DType::Float64, &[2usize][..], vec![1., 6.])
    );
}

#[test]
fn inv_and_solve() {
    let i = inv(&a22()).unwrap().to_f64_vec();
    assert_eq!(
        i,
        vec![
            -1.9999999999999996,
            0.9999999999999998,
            1.4999999999999998,
            -0.4999999999999999
        ]
    );
    let x = solve(&a22(), &f(vec![1., 2.], &[2])).unwrap();
    assert_eq!((x.shape(), x.to_f64_vec()), (&[2usize][..], vec![0.0, 0.5]));
    let e = inv(&f(vec![1., 2., 2., 4.], &[2, 2])).unwrap_err();
    assert_eq!(e, ChunkError::LinAlg("Singular matrix".into()));
    let e = inv(&f(vec![0.; 6], &[2, 3])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Last 2 dimensions of the array must be square"
    );
    let e = det(&f(vec![0.; 3], &[3])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "1-dimensional array given. Array must be at least two-dimensional"
    );
    let e = solve(&a22(), &f(vec![1., 2., 3.], &[3])).unwrap_err();
    assert!(e
        .to_string()
        .starts_with("solve1: Input operand 1 has a mismatch in its core dimension 0"));
    let x32 = inv(&a22().astype(DType::Float32).unwrap()).unwrap();
    assert_eq!(x32.dtype(), DType::Float32);
}

#[test]
fn eig_pairs_and_real_results() {
    let (w, v) = eig(&a22(), true).unwrap();
    assert!(!w.complex);
    assert!(close(
        &w.re.to_f64_vec(),
        &[-0.3722813232690143, 5.372281323269014]
    ));
    let v = v.unwrap();
    assert!(close(
        &v.re.to_f64_vec(),
        &[
            -0.8245648401323938,
            -0.4159735579192842,
            0.5657674649689923,
            -0.9093767091321241
        ]
    ));
    let (w, v) = eig(&f(vec![0., -1., 1., 0.], &[2, 2]), true).unwrap();
    assert!(w.complex);
    assert!(close(&w.im.to_f64_vec(), &[1., -1.]));
    // Columns j, j+1 are conjugates.
    let v = v.unwrap();
    let im = v.im.to_f64_vec();
    assert_eq!((im[0], im[2]), (-im[1], -im[3]));
    let e = eig(&f(vec![f64::NAN, 0., 0., 1.], &[2, 2]), false).unwrap_err();
    assert_eq!(e.to_string(), "Array must not contain infs or NaNs");
}

#[test]
fn eigh_svd_qr_cholesky() {
    let (w, v) = eigh(&f(vec![2., 100., 1., 2.], &[2, 2]), "L", true).unwrap();
    assert!(close(&w.to_f64_vec(), &[1., 3.]));
    let r = std::f64::consts::FRAC_1_SQRT_2;
    assert!(close(&v.unwrap().to_f64_vec(), &[-r, r, r, r]));
    let (u, s, vt) = svd(&f(vec![1., 2., 3., 4., 5., 6.], &[2, 3]), true, true).unwrap();
    assert!(close(
        &s.to_f64_vec(),
        &[9.508032000695724, 0.7728696356734844]
    ));
    assert_eq!(
        (u.unwrap().shape(), vt.unwrap().shape()),
        (&[2usize, 2][..], &[3usize, 3][..])
    );
    let (q, r) = qr(&f(vec![1., 2., 3., 4., 5., 6.], &[3, 2]), "reduced").unwrap();
    assert!(close(
        &r.to_f64_vec(),
        &[
            -5.916079783099616,
            -7.437357441610946,
            0.,
            0.828078671210825
        ]
    ));
    assert_eq!(q.unwrap().shape(), &[3, 2]);
    let (q, r) = qr(&f(vec![1., 2., 3., 4., 5., 6.], &[3, 2]), "complete").unwrap();
    assert_eq!(
        (q.unwrap().shape(), r.shape()),
        (&[3usize, 3][..], &[3usize, 2][..])
    );
    let l = cholesky(&f(vec![4., 100., 2., 5.], &[2, 2]), false).unwrap();
    assert_eq!(l.to_f64_vec(), vec![2., 0., 1., 2.]);
    let u = cholesky(&f(vec![4., 2., 2., 5.], &[2, 2]), true).unwrap();
    assert_eq!(u.to_f64_vec(), vec![2., 1., 0., 2.]);
    let e = cholesky(&f(vec![1., 2., 2., 1.], &[2, 2]), false).unwrap_err();
    assert_eq!(e.to_string(), "Matrix is not positive definite");
}
