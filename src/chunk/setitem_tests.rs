use super::*;
use crate::chunk::DType;

/// A tiny deterministic generator (tests must not depend on a seed source).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

fn iota(shape: &[usize]) -> Chunk {
    let n: usize = shape.iter().product();
    Chunk::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
}

fn strides(shape: &[usize]) -> Vec<usize> {
    let mut s = vec![1; shape.len()];
    for i in (0..shape.len().saturating_sub(1)).rev() {
        s[i] = s[i + 1] * shape[i + 1];
    }
    s
}

/// Element by element: walk the selection's index space, find the target
/// position and the value element by plain broadcasting arithmetic.
fn naive(
    dst: &[i64],
    shape: &[usize],
    places: &[Place],
    val: &[i64],
    vshape: &[usize],
) -> Vec<i64> {
    let mut out = dst.to_vec();
    let sel = selection_shape(places);
    let adv = advanced_dim(places);
    let total: usize = sel.iter().product();
    let (ss, ds) = (strides(&sel), strides(shape));
    let off = sel.len() - vshape.len();
    let vs = strides(vshape);
    for flat in 0..total {
        let pos: Vec<usize> = (0..sel.len()).map(|d| flat / ss[d] % sel[d]).collect();
        // Selection dims not taken by the list, in order, belong to the Range places.
        let mut basic = (0..sel.len()).filter(|&d| Some(d) != adv);
        let mut target = 0;
        for (ax, p) in places.iter().enumerate() {
            let i = match p {
                Place::At(i) => *i,
                Place::Range { start, step, .. } => {
                    let k = pos[basic.next().unwrap()];
                    (*start as isize + k as isize * step) as usize
                }
                Place::List(l) => l[pos[adv.unwrap()]],
            };
            target += i * ds[ax];
        }
        let mut vi = 0;
        for (d, &n) in vshape.iter().enumerate() {
            vi += if n == 1 { 0 } else { pos[off + d] * vs[d] };
        }
        out[target] = val[vi];
    }
    out
}

fn random_place(r: &mut Lcg, n: usize, allow_list: bool) -> Place {
    match r.below(if allow_list { 4 } else { 3 }) {
        0 if n > 0 => Place::At(r.below(n)),
        3 if n > 0 => Place::List((0..r.below(4)).map(|_| r.below(n)).collect()),
        _ => {
            let step = [1isize, 2, 3, -1, -2][r.below(5)];
            let start = r.below(n);
            let room = if step > 0 {
                (n - start).div_ceil(step as usize)
            } else {
                start / (-step) as usize + 1
            };
            let len = if n == 0 { 0 } else { r.below(room + 1) };
            Place::Range {
                start: if n == 0 { 0 } else { start },
                step,
                len,
            }
        }
    }
}

#[test]
fn random_assignments_match_the_elementwise_reference() {
    let mut r = Lcg(7);
    for case in 0..400 {
        let nd = 1 + r.below(3);
        let shape: Vec<usize> = (0..nd).map(|_| 1 + r.below(5)).collect();
        let mut has_list = false;
        let places: Vec<Place> = shape
            .iter()
            .map(|&n| {
                let p = random_place(&mut r, n, !has_list);
                has_list |= matches!(p, Place::List(_));
                p
            })
            .collect();
        let sel = selection_shape(&places);
        // The value: the full selection shape, or a broadcastable one.
        let vshape: Vec<usize> = sel
            .iter()
            .skip(r.below(sel.len() + 1))
            .map(|&n| if r.below(3) == 0 { 1 } else { n })
            .collect();
        let val = iota(&vshape);
        let val = crate::chunk::binary_scalar(
            crate::chunk::BinaryOp::Add,
            &val,
            crate::chunk::PyScalar::Int(1000),
            false,
        )
        .unwrap();
        let mut dst = iota(&shape);
        let before: Vec<i64> = dst.to_f64_vec().iter().map(|&x| x as i64).collect();
        let vals: Vec<i64> = val.to_f64_vec().iter().map(|&x| x as i64).collect();
        assign(&mut dst, &places, &val).unwrap_or_else(|e| panic!("case {case}: {e}"));
        let got: Vec<i64> = dst.to_f64_vec().iter().map(|&x| x as i64).collect();
        assert_eq!(
            got,
            naive(&before, &shape, &places, &vals, &vshape),
            "case {case}: shape {shape:?} places {places:?} value {vshape:?}"
        );
    }
}

#[test]
fn values_cast_unsafely_to_the_target_dtype() {
    let mut dst = Chunk::zeros(&[3], DType::UInt8).unwrap();
    let v = Chunk::from_vec(vec![300i64, -1, 2], &[3]).unwrap();
    let all = [Place::Range {
        start: 0,
        step: 1,
        len: 3,
    }];
    assign(&mut dst, &all, &v).unwrap();
    assert_eq!(dst.to_f64_vec(), vec![44.0, 255.0, 2.0]);
    let mut ints = Chunk::zeros(&[2], DType::Int64).unwrap();
    let f = Chunk::from_vec(vec![2.7f64], &[1]).unwrap();
    assign(&mut ints, &[Place::At(1)], &f).unwrap();
    assert_eq!(ints.to_f64_vec(), vec![0.0, 2.0]);
}

#[test]
fn broadcast_mismatches_use_numpys_messages() {
    let mut dst = Chunk::zeros(&[4], DType::Float64).unwrap();
    let three = iota(&[3]);
    let two = Place::Range {
        start: 0,
        step: 1,
        len: 2,
    };
    let e = assign(&mut dst, std::slice::from_ref(&two), &three).unwrap_err();
    assert_eq!(
        e.to_string(),
        "could not broadcast input array from shape (3,) into shape (2,)"
    );
    let e = assign(&mut dst, &[Place::List(vec![0, 2])], &three).unwrap_err();
    assert_eq!(
        e.to_string(),
        "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)"
    );
    // NumPy prints these shapes without spaces.
    let mut grid = Chunk::zeros(&[3, 4], DType::Float64).unwrap();
    let rows = [
        Place::Range {
            start: 0,
            step: 1,
            len: 2,
        },
        Place::Range {
            start: 0,
            step: 1,
            len: 4,
        },
    ];
    let e = assign(&mut grid, &rows, &iota(&[3, 4])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "could not broadcast input array from shape (3,4) into shape (2,4)"
    );
    // Leading length-1 axes of the value are dropped, as NumPy does.
    assign(&mut dst, &[two], &iota(&[1, 1, 2])).unwrap();
    assert_eq!(dst.to_f64_vec(), vec![0.0, 1.0, 0.0, 0.0]);
}

#[test]
fn non_adjacent_list_and_integer_put_the_list_axis_first() {
    // b[1, :, [0, 1]] on a (3, 4, 2) array selects shape (2, 4), as NumPy does.
    let places = [
        Place::At(1),
        Place::Range {
            start: 0,
            step: 1,
            len: 4,
        },
        Place::List(vec![0, 1]),
    ];
    assert_eq!(selection_shape(&places), vec![2, 4]);
    let adjacent = [
        Place::Range {
            start: 0,
            step: 1,
            len: 3,
        },
        Place::At(1),
        Place::List(vec![0, 1]),
    ];
    assert_eq!(selection_shape(&adjacent), vec![3, 2]);
}

#[test]
fn masks_take_one_value_or_one_per_true_entry() {
    let mut dst = iota(&[2, 2]);
    let m = Chunk::from_vec(vec![true, false, true, true], &[2, 2]).unwrap();
    assign_mask(
        &mut dst,
        &m,
        &Chunk::from_vec(vec![7i64, 8, 9], &[3]).unwrap(),
    )
    .unwrap();
    assert_eq!(dst.to_f64_vec(), vec![7.0, 1.0, 8.0, 9.0]);
    assign_mask(&mut dst, &m, &Chunk::from_vec(vec![0.5f64], &[]).unwrap()).unwrap();
    assert_eq!(dst.to_f64_vec(), vec![0.0, 1.0, 0.0, 0.0]);
    let e = assign_mask(&mut dst, &m, &iota(&[2])).unwrap_err();
    assert!(e
        .to_string()
        .contains("cannot assign 2 input values to the 3 output values"));
    let e = assign_mask(&mut dst, &m, &iota(&[3, 1])).unwrap_err();
    assert!(e.to_string().contains("input has 2 dimensions"));
}

#[test]
fn out_of_bounds_places_are_refused_not_panicking() {
    let mut dst = iota(&[3]);
    assert!(assign(&mut dst, &[Place::At(3)], &iota(&[])).is_err());
    assert!(assign(&mut dst, &[Place::List(vec![5])], &iota(&[])).is_err());
    let over = Place::Range {
        start: 1,
        step: 2,
        len: 2,
    };
    assert!(assign(&mut dst, &[over], &iota(&[])).is_err());
}
