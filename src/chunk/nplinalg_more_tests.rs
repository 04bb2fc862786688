//! Values from NumPy 2.4 (`numpy.linalg` on the same inputs).
use super::*;

fn f(v: Vec<f64>, s: &[usize]) -> Chunk {
    Chunk::from_vec(v, s).unwrap()
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
}

#[test]
fn lstsq_returns_numpys_four_parts() {
    let a = f(vec![1., 0., 1., 1., 1., 2., 1., 3.], &[4, 2]);
    let r = lstsq(&a, &f(vec![1., 3., 5., 8.], &[4]), None).unwrap();
    assert!(close(&r.x.to_f64_vec(), &[0.8, 2.3]));
    assert!(close(&r.residuals.to_f64_vec(), &[0.30000000000000027]));
    assert_eq!(r.rank, 2);
    assert!(close(
        &r.s.to_f64_vec(),
        &[4.10003044816824, 1.0907567666961069]
    ));
    // Under-determined: no residuals.
    let r = lstsq(&f(vec![1., 1.], &[1, 2]), &f(vec![2.], &[1]), None).unwrap();
    assert!(close(&r.x.to_f64_vec(), &[1., 1.]));
    assert_eq!(r.residuals.shape(), &[0]);
    let e = lstsq(&a, &f(vec![1., 2.], &[2]), None).unwrap_err();
    assert_eq!(e.to_string(), "Incompatible dimensions");
}

#[test]
fn pinv_rank_power() {
    let p = pinv(&f(vec![1., 2., 3., 4., 5., 6.], &[3, 2]), 1e-15).unwrap();
    assert_eq!(p.shape(), &[2, 3]);
    assert!(close(
        &p.to_f64_vec(),
        &[
            -1.3333333333333337,
            -0.33333333333333287,
            0.6666666666666665,
            1.0833333333333335,
            0.3333333333333329,
            -0.4166666666666665
        ]
    ));
    let ones = f(vec![1.; 9], &[3, 3]);
    assert_eq!(matrix_rank(&ones, None).unwrap().to_f64_vec(), vec![1.]);
    let fib = Chunk::from_vec(vec![1i64, 1, 1, 0], &[2, 2]).unwrap();
    let r = matrix_power(&fib, 10).unwrap();
    assert_eq!(
        (r.dtype(), r.to_f64_vec()),
        (DType::Int64, vec![89., 55., 55., 34.])
    );
    assert_eq!(
        matrix_power(&fib, 0).unwrap().to_f64_vec(),
        vec![1., 0., 0., 1.]
    );
    let back = matrix_power(&f(vec![2., 0., 0., 4.], &[2, 2]), -2).unwrap();
    assert_eq!(back.to_f64_vec(), vec![0.25, 0., 0., 0.0625]);
}

#[test]
fn norms_match_numpy() {
    let x = f((0..9).map(|i| i as f64 - 4.).collect(), &[3, 3]);
    let cases: [(NormOrd, f64); 9] = [
        (NormOrd::Default, 7.745966692414834),
        (NormOrd::Str("fro".into()), 7.745966692414834),
        (NormOrd::Str("nuc".into()), 9.797958971132712),
        (NormOrd::P(f64::INFINITY), 9.0),
        (NormOrd::P(f64::NEG_INFINITY), 2.0),
        (NormOrd::P(1.0), 7.0),
        (NormOrd::P(-1.0), 6.0),
        (NormOrd::P(2.0), 7.348469228349534),
        (NormOrd::P(-2.0), 0.0),
    ];
    for (o, want) in cases {
        let got = norm(&x, &o, None, false).unwrap().to_f64_vec()[0];
        assert!((got - want).abs() < 1e-12, "{o:?}: {got} != {want}");
    }
    let v = f((0..5).map(|i| i as f64).collect(), &[5]);
    let r = norm(&v, &NormOrd::P(3.0), None, false)
        .unwrap()
        .to_f64_vec()[0];
    assert!((r - 4.641588833612778).abs() < 1e-12);
    let c = norm(&x, &NormOrd::P(0.0), Some(&[1]), false).unwrap();
    assert_eq!(c.to_f64_vec(), vec![3., 2., 3.]);
    let k = norm(&x, &NormOrd::Default, None, true).unwrap();
    assert_eq!(k.shape(), &[1, 1]);
    let e = norm(&v, &NormOrd::Str("fro".into()), Some(&[0]), false).unwrap_err();
    assert_eq!(e.to_string(), "Invalid norm order 'fro' for vectors");
}
