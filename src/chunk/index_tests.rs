use super::*;
use crate::chunk::assemble::{assemble, concatenate};
use crate::chunk::cumulative::{cumulative, last_along, ScanOp};
use crate::chunk::DType;

fn ar(n: i64) -> Chunk {
    Chunk::from_vec((0..n).collect::<Vec<i64>>(), &[n as usize]).unwrap()
}

fn cube() -> Chunk {
    reshape(&ar(24), &[2, 3, 4]).unwrap()
}

fn vals(c: &Chunk) -> Vec<i64> {
    c.to_f64_vec().iter().map(|&v| v as i64).collect()
}

fn sl(start: Option<isize>, stop: Option<isize>, step: isize) -> IndexElem {
    IndexElem::Slice { start, stop, step }
}

// Expected lists printed by numpy 2.4 for np.arange(10)[...].
#[test]
fn python_slices_including_negative_steps() {
    let a = ar(10);
    let cases: Vec<(IndexElem, Vec<i64>)> = vec![
        (sl(Some(8), Some(2), -2), vec![8, 6, 4]),
        (sl(None, None, -3), vec![9, 6, 3, 0]),
        (sl(Some(-3), None, 1), vec![7, 8, 9]),
        (sl(Some(5), Some(100), 1), vec![5, 6, 7, 8, 9]),
        (sl(None, Some(-12), -1), vec![9, 8, 7, 6, 5, 4, 3, 2, 1, 0]),
        (sl(Some(-100), Some(3), 1), vec![0, 1, 2]),
        (sl(Some(3), Some(3), 1), vec![]),
    ];
    for (idx, want) in cases {
        assert_eq!(vals(&slice(&a, &[idx]).unwrap()), want, "{idx:?}");
    }
    assert!(slice(&a, &[sl(None, None, 0)]).is_err());
}

#[test]
fn ints_newaxis_and_ellipsis() {
    let b = cube();
    // numpy: b[1, ::-1, None, 2] -> [[22], [18], [14]]
    let r = slice(
        &b,
        &[
            IndexElem::Index(1),
            sl(None, None, -1),
            IndexElem::NewAxis,
            IndexElem::Index(2),
        ],
    )
    .unwrap();
    assert_eq!(r.shape(), &[3, 1]);
    assert_eq!(vals(&r), vec![22, 18, 14]);
    assert_eq!(
        slice(&b, &[IndexElem::Ellipsis, IndexElem::Index(1)])
            .unwrap()
            .shape(),
        &[2, 3]
    );
    let r = slice(
        &b,
        &[
            IndexElem::NewAxis,
            IndexElem::Ellipsis,
            IndexElem::Index(-1),
        ],
    )
    .unwrap();
    assert_eq!(r.shape(), &[1, 2, 3]);
    let e = slice(&b, &[IndexElem::Index(0), IndexElem::Index(3)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "index 3 is out of bounds for axis 1 with size 3"
    );
    let e = slice(&b, &[IndexElem::Index(0); 4]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "too many indices for array: array is 3-dimensional, but 4 were indexed"
    );
}

#[test]
fn reshape_transpose_take_mask() {
    let b = cube();
    assert_eq!(
        reshape(&ar(6), &[4, -1]).unwrap_err().to_string(),
        "cannot reshape array of size 6 into shape (4,newaxis)"
    );
    assert_eq!(
        reshape(&ar(6), &[4, 5]).unwrap_err().to_string(),
        "cannot reshape array of size 6 into shape (4,5)"
    );
    assert_eq!(reshape(&ar(6), &[-1, 2]).unwrap().shape(), &[3, 2]);
    let t = transpose(&b, Some(&[1, 0, 2])).unwrap();
    assert_eq!(t.shape(), &[3, 2, 4]);
    assert_eq!(
        vals(&slice(&t, &[IndexElem::Index(1), IndexElem::Index(1)]).unwrap()),
        vec![16, 17, 18, 19]
    );
    // reshape after transpose reads in logical C order
    let tt = transpose(&reshape(&ar(6), &[2, 3]).unwrap(), None).unwrap();
    assert_eq!(vals(&reshape(&tt, &[-1]).unwrap()), vec![0, 3, 1, 4, 2, 5]);
    // numpy: np.take(b, [2, -1], axis=2)[0] -> [[2, 3], [6, 7], [10, 11]]
    let k = take(&b, &[2, -1], 2).unwrap();
    assert_eq!(
        vals(&slice(&k, &[IndexElem::Index(0)]).unwrap()),
        vec![2, 3, 6, 7, 10, 11]
    );
    assert!(take(&b, &[4], 2).is_err());
    let m = crate::chunk::binary_scalar(
        crate::chunk::BinaryOp::Gt,
        &b,
        crate::chunk::PyScalar::Int(20),
        false,
    )
    .unwrap();
    assert_eq!(vals(&mask_select(&b, &m).unwrap()), vec![21, 22, 23]);
    let lead = Chunk::from_vec(vec![false, true], &[2]).unwrap();
    assert_eq!(mask_select(&b, &lead).unwrap().shape(), &[1, 3, 4]);
    let bad = Chunk::from_vec(vec![true; 3], &[3]).unwrap();
    assert!(mask_select(&b, &bad).is_err());
}

#[test]
fn concatenate_and_assemble_grid() {
    let a = reshape(&ar(6), &[2, 3]).unwrap();
    let f = Chunk::from_vec(vec![0.5f32; 3], &[1, 3]).unwrap();
    let c = concatenate(&[a.clone(), f], 0).unwrap();
    assert_eq!(c.shape(), &[3, 3]);
    assert_eq!(c.dtype(), DType::Float64);
    let e = concatenate(
        &[a.clone(), Chunk::zeros(&[2, 4], DType::Int64).unwrap()],
        0,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4");
    // cut a 5x7 array into a 2x3 grid and stitch it back
    let whole = reshape(&ar(35), &[5, 7]).unwrap();
    let rows = [(0, 3), (3, 5)];
    let cols = [(0, 2), (2, 6), (6, 7)];
    let mut blocks = Vec::new();
    for &(r0, r1) in &rows {
        for &(c0, c1) in &cols {
            blocks.push(
                slice(
                    &whole,
                    &[sl(Some(r0), Some(r1), 1), sl(Some(c0), Some(c1), 1)],
                )
                .unwrap(),
            );
        }
    }
    assert_eq!(assemble(&blocks, &[2, 3]).unwrap(), whole);
    blocks.swap(0, 1);
    assert!(assemble(&blocks, &[2, 3]).is_err());
}

#[test]
fn cumsum_blocked_equals_whole() {
    let x = Chunk::from_vec(vec![1i32, 2, 3, 4], &[2, 2]).unwrap();
    let c = cumulative(&x, ScanOp::CumSum, Some(0), None).unwrap();
    assert_eq!(c.dtype(), DType::Int64);
    assert_eq!(vals(&c), vec![1, 2, 4, 6]);
    assert_eq!(
        vals(&cumulative(&ar(6), ScanOp::CumProd, None, None).unwrap()),
        vec![0; 6]
    );
    let one = Chunk::from_vec((1..6).collect::<Vec<i64>>(), &[5]).unwrap();
    assert_eq!(
        vals(&cumulative(&one, ScanOp::CumProd, None, None).unwrap()),
        vec![1, 2, 6, 24, 120]
    );
    // blocked scan along axis 1 of a 3x10 array in blocks of 4
    let w = reshape(&ar(30), &[3, 10]).unwrap();
    let whole = cumulative(&w, ScanOp::CumSum, Some(1), None).unwrap();
    let mut parts = Vec::new();
    let mut carry: Option<Chunk> = None;
    for (s, e) in [(0, 4), (4, 8), (8, 10)] {
        let blk = slice(&w, &[IndexElem::FULL, sl(Some(s), Some(e), 1)]).unwrap();
        let r = cumulative(&blk, ScanOp::CumSum, Some(1), carry.as_ref()).unwrap();
        carry = Some(last_along(&r, 1).unwrap());
        parts.push(r);
    }
    assert_eq!(concatenate(&parts, 1).unwrap(), whole);
}
