use super::*;

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12)
}

#[test]
fn column_major_round_trips_row_major() {
    let m = ColMat::from_rows(2, 3, &[1., 2., 3., 4., 5., 6.]);
    assert_eq!(m.data, vec![1., 4., 2., 5., 3., 6.]);
    assert_eq!(m.to_rows(), vec![1., 2., 3., 4., 5., 6.]);
}

#[test]
fn gesv_solves_and_reports_singular() {
    let a = ColMat::from_rows(2, 2, &[3., 1., 1., 2.]);
    let b = ColMat::from_rows(2, 1, &[9., 8.]);
    assert!(close(&gesv(a, b).unwrap().to_rows(), &[2., 3.]));
    let s = ColMat::from_rows(2, 2, &[1., 2., 2., 4.]);
    assert_eq!(gesv(s, ColMat::eye(2)), Err(2));
}

#[test]
fn getrf_pivots_and_factors() {
    let (lu, piv) = getrf(ColMat::from_rows(2, 2, &[1., 2., 3., 4.])).unwrap();
    // Row 2 is the pivot: U = [[3, 4], [0, 2/3]].
    assert_eq!(piv, vec![2, 2]);
    assert!(close(
        &[lu.at(0, 0), lu.at(0, 1), lu.at(1, 1)],
        &[3., 4., 2. / 3.]
    ));
}

#[test]
fn geev_gives_conjugate_pairs() {
    // A rotation by 90°: eigenvalues ±i.
    let (wr, wi, _) = geev(ColMat::from_rows(2, 2, &[0., -1., 1., 0.]), true).unwrap();
    assert!(close(&wr, &[0., 0.]) && close(&wi, &[1., -1.]));
    let (wr, wi, _) = geev(ColMat::from_rows(2, 2, &[2., 0., 0., 3.]), false).unwrap();
    assert_eq!((wr, wi), (vec![2., 3.], vec![0., 0.]));
}

#[test]
fn syevd_is_ascending() {
    let (w, v) = syevd(ColMat::from_rows(2, 2, &[2., 1., 1., 2.]), true, b'L').unwrap();
    assert!(close(&w, &[1., 3.]));
    let r = std::f64::consts::FRAC_1_SQRT_2;
    assert!(close(
        &v.to_rows().iter().map(|x| x.abs()).collect::<Vec<_>>(),
        &[r; 4]
    ));
}

#[test]
fn gesdd_singular_values() {
    let a = ColMat::from_rows(2, 3, &[3., 0., 0., 0., 4., 0.]);
    let (u, s, vt) = gesdd(a.clone(), b'A').unwrap();
    assert!(close(&s, &[4., 3.]));
    assert_eq!((u.rows, u.cols, vt.rows, vt.cols), (2, 2, 3, 3));
    let (u, _, vt) = gesdd(a.clone(), b'S').unwrap();
    assert_eq!((u.rows, u.cols, vt.rows, vt.cols), (2, 2, 2, 3));
    let (_, s, _) = gesdd(a, b'N').unwrap();
    assert!(close(&s, &[4., 3.]));
}

#[test]
fn qr_and_cholesky() {
    let (r, tau) = geqrf(ColMat::from_rows(2, 2, &[3., 1., 4., 2.])).unwrap();
    assert!(close(&[r.at(0, 0).abs(), r.at(1, 1).abs()], &[5., 0.4]));
    let q = orgqr(r, &tau).unwrap();
    let d: f64 = (0..2).map(|i| q.at(i, 0) * q.at(i, 1)).sum();
    assert!(d.abs() < 1e-12);
    let l = potrf(ColMat::from_rows(2, 2, &[4., 2., 2., 5.]), b'L').unwrap();
    assert!(close(&[l.at(0, 0), l.at(1, 0), l.at(1, 1)], &[2., 1., 2.]));
    assert_eq!(
        potrf(ColMat::from_rows(2, 2, &[1., 2., 2., 1.]), b'L'),
        Err(2)
    );
}

#[test]
fn gelsd_fits_a_line() {
    // y = 1 + 2x through three exact points plus one off by 1.
    let a = ColMat::from_rows(4, 2, &[1., 0., 1., 1., 1., 2., 1., 3.]);
    let b = ColMat::from_rows(4, 1, &[1., 3., 5., 8.]);
    let r = gelsd(a, b, -1.0).unwrap();
    assert_eq!(r.rank, 2);
    assert!(close(&[r.b.at(0, 0), r.b.at(1, 0)], &[0.8, 2.3]));
}
