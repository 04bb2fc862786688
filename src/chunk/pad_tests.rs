use super::*;
use crate::chunk::pad_fill::{ramp, stats, RampStyle, Stat};

fn v(c: &Chunk) -> Vec<f64> {
    c.to_f64_vec()
}

fn ar(n: i64) -> Chunk {
    Chunk::from_vec((0..n).collect::<Vec<i64>>(), &[n as usize]).unwrap()
}

#[test]
fn reflect_symmetric_wrap_match_numpy_beyond_one_period() {
    let x = ar(4);
    let r = reuse(&x, &[(5, 6)], Reuse::Reflect, false).unwrap();
    // np.pad(np.arange(4), (5, 6), 'reflect')
    assert_eq!(
        v(&r),
        [1., 2., 3., 2., 1., 0., 1., 2., 3., 2., 1., 0., 1., 2., 3.]
    );
    let s = reuse(&x, &[(5, 6)], Reuse::Symmetric, false).unwrap();
    assert_eq!(
        v(&s),
        [3., 3., 2., 1., 0., 0., 1., 2., 3., 3., 2., 1., 0., 0., 1.]
    );
    let w = reuse(&x, &[(5, 6)], Reuse::Wrap, false).unwrap();
    assert_eq!(
        v(&w),
        [3., 0., 1., 2., 3., 0., 1., 2., 3., 0., 1., 2., 3., 0., 1.]
    );
}

#[test]
fn odd_reflection_and_singleton_axes() {
    let x = Chunk::from_vec(vec![1i64, 2, 4], &[3]).unwrap();
    // np.pad([1, 2, 4], 4, 'reflect', reflect_type='odd')
    let r = reuse(&x, &[(4, 4)], Reuse::Reflect, true).unwrap();
    assert_eq!(v(&r), [-5., -4., -2., 0., 1., 2., 4., 6., 7., 8., 10.]);
    let one = Chunk::from_vec(vec![7i64], &[1]).unwrap();
    assert_eq!(
        v(&reuse(&one, &[(2, 1)], Reuse::Reflect, false).unwrap()),
        [7., 7., 7., 7.]
    );
    let b = Chunk::from_vec(vec![true, false], &[2]).unwrap();
    let o = reuse(&b, &[(1, 1)], Reuse::Symmetric, true).unwrap();
    assert_eq!(o.dtype(), DType::Bool);
    assert_eq!(v(&o), [1., 1., 0., 0.]);
}

#[test]
fn edge_and_2d() {
    let x = Chunk::from_vec((0..6).collect::<Vec<i64>>(), &[2, 3]).unwrap();
    let e = edge(&x, &[(1, 0), (0, 2)]).unwrap();
    assert_eq!(e.shape(), &[3, 5]);
    assert_eq!(
        v(&e),
        [0., 1., 2., 2., 2., 0., 1., 2., 2., 2., 3., 4., 5., 5., 5.]
    );
}

#[test]
fn ramps_follow_each_librarys_linspace() {
    let e = Chunk::from_vec(vec![0i64], &[1]).unwrap();
    // np.pad([0], (3, 0), 'linear_ramp', end_values=10) → [10, 6, 3]
    assert_eq!(
        v(&ramp(&e, 10.0, 3, 0, true, RampStyle::NumPy, true).unwrap()),
        [10., 6., 3.]
    );
    assert_eq!(
        v(&ramp(&e, 10.0, 3, 0, false, RampStyle::NumPy, true).unwrap()),
        [3., 6., 10.]
    );
    assert_eq!(
        v(&ramp(&e, 10.0, 3, 0, true, RampStyle::Dask, true).unwrap()),
        [10., 6., 3.]
    );
    assert_eq!(
        v(&ramp(&e, 10.0, 3, 0, false, RampStyle::Dask, true).unwrap()),
        [3., 6., 10.]
    );
    let f = Chunk::from_vec(vec![1.0f32], &[1]).unwrap();
    assert_eq!(
        ramp(&f, 0.0, 2, 0, true, RampStyle::NumPy, true)
            .unwrap()
            .dtype(),
        DType::Float32
    );
}

#[test]
fn stats_pad_axis_by_axis() {
    let x = Chunk::from_vec((0..20).collect::<Vec<i64>>(), &[4, 5]).unwrap();
    let lens = [(Some(1), Some(2)), (Some(3), Some(1))];
    let m = stats(&x, &[(1, 2), (2, 1)], &lens, Stat::Mean).unwrap();
    assert_eq!(m.shape(), &[7, 8]);
    // NumPy's corner: the mean along axis 1 of the already padded rows.
    assert_eq!(v(&m)[5 * 8..5 * 8 + 3], [13., 13., 12.]);
    let md = stats(&ar(4), &[(1, 1)], &[(Some(4), Some(2))], Stat::Median).unwrap();
    assert_eq!(v(&md), [2., 0., 1., 2., 3., 2.]);
}
