use super::*;
use crate::array::chunks::{AxisSpec, ChunkSpec};
use crate::array::{compute, creation, ComputeOptions};
use crate::chunk::DType;
use crate::sched::{CancelToken, Scheduler};
use proptest::prelude::*;

fn run(a: &Array) -> Chunk {
    let opts = ComputeOptions::new(Scheduler::Threads { num_workers: 2 }, CancelToken::new());
    compute(std::slice::from_ref(a), &opts).unwrap().0.remove(0)
}

fn iota(shape: &[usize], from: i64) -> Chunk {
    let n: usize = shape.iter().product();
    Chunk::from_vec((from..from + n as i64).collect::<Vec<_>>(), shape).unwrap()
}

/// Distinct data must get distinct tokens: equal names are equal arrays.
fn lazy(c: &Chunk, size: usize) -> Array {
    let spec = ChunkSpec::PerAxis(c.shape().iter().map(|_| AxisSpec::Size(size)).collect());
    let token = c.to_f64_vec().iter().fold(size as u64, |h, &x| {
        h.wrapping_mul(1_000_003).wrapping_add(x.to_bits())
    });
    creation::from_chunk(Arc::new(c.clone()), &spec, token).unwrap()
}

fn place(n: usize, kind: u8, a: usize, b: usize, step: isize) -> Place {
    match kind % 3 {
        0 => Place::At(a % n),
        1 => Place::List(vec![a % n, b % n, (a + b) % n]),
        _ => {
            let start = a % n;
            let room = if step > 0 {
                (n - start).div_ceil(step as usize)
            } else {
                start / (-step) as usize + 1
            };
            Place::Range {
                start,
                step,
                len: b % (room + 1),
            }
        }
    }
}

fn places_strategy() -> impl Strategy<Value = (Vec<usize>, Vec<Place>, usize, usize)> {
    (
        prop::collection::vec(
            (
                1usize..7,
                any::<u8>(),
                0usize..50,
                0usize..50,
                prop::sample::select(vec![1isize, 2, 3, -1, -2]),
            ),
            1..4,
        ),
        1usize..4,
        1usize..4,
    )
        .prop_map(|(axes, size, vsize)| {
            let mut seen_list = false;
            let shape = axes.iter().map(|a| a.0).collect();
            let places = axes
                .iter()
                .map(|&(n, k, a, b, st)| {
                    let k = if seen_list && k % 3 == 1 { 2 } else { k };
                    let p = place(n, k, a, b, st);
                    seen_list |= matches!(p, Place::List(_));
                    p
                })
                .collect();
            (shape, places, size, vsize)
        })
}

proptest! {
    #[test]
    fn lazy_assignment_equals_eager_assignment(
        (shape, places, size, vsize) in places_strategy(),
        broadcast in any::<bool>(),
    ) {
        let x = iota(&shape, 0);
        let mut vshape = selection_shape(&places);
        if broadcast && !vshape.is_empty() {
            vshape[0] = 1;
        }
        if selection_shape(&places).contains(&0) {
            // Dask refuses anything but a single value for an empty selection.
            vshape.clear();
        }
        let v = iota(&vshape, 1000);
        let mut want = x.clone();
        assign(&mut want, &places, &v).unwrap();
        let got = run(&setitem(&lazy(&x, size), &places, &lazy(&v, vsize)).unwrap());
        prop_assert_eq!(got, want);
    }
}

#[test]
fn only_blocks_the_key_touches_read_the_value() {
    // x = arange(10) in blocks of 3; x[1:8:3] = v touches elements 1, 4, 7:
    // blocks 0, 1 and 2, not block 3.
    let x = lazy(&iota(&[10], 0), 3);
    let v = lazy(&iota(&[3], 100), 2);
    let places = [Place::Range {
        start: 1,
        step: 3,
        len: 3,
    }];
    let y = setitem(&x, &places, &v).unwrap();
    assert_eq!(y.meta().chunks, x.meta().chunks);
    assert!(y.name().starts_with("setitem-"));
    let Op::Plan { plan, .. } = y.op() else {
        panic!("setitem builds a plan");
    };
    let touched: Vec<bool> = (0..4u32).map(|b| plan.reads(&[b]).len() > 1).collect();
    assert_eq!(touched, vec![true, true, true, false]);
    // Element 4 takes value position 1, in the value's block 0 only.
    assert_eq!(plan.reads(&[1]), vec![(0, vec![1]), (1, vec![0])]);
    assert_eq!(
        run(&y).to_f64_vec(),
        vec![0.0, 100.0, 2.0, 3.0, 101.0, 5.0, 6.0, 102.0, 8.0, 9.0]
    );
}

#[test]
fn value_is_cast_and_checked_with_dasks_messages() {
    let x = lazy(&iota(&[4], 0), 2);
    let f = creation::from_chunk(
        Arc::new(Chunk::from_vec(vec![2.7f64, 3.9], &[2]).unwrap()),
        &ChunkSpec::Full,
        1,
    )
    .unwrap();
    let two = [Place::Range {
        start: 1,
        step: 1,
        len: 2,
    }];
    let y = setitem(&x, &two, &f).unwrap();
    assert_eq!(y.meta().dtype, DType::Int64);
    assert_eq!(run(&y).to_f64_vec(), vec![0.0, 2.0, 3.0, 3.0]);
    let three = lazy(&iota(&[3], 0), 3);
    let e = setitem(&x, &two, &three).unwrap_err();
    assert_eq!(
        e.to_string(),
        "shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,)"
    );
    let square = lazy(&iota(&[2, 2], 0), 2);
    let e = setitem(&x, &two, &square).unwrap_err();
    assert_eq!(
        e.to_string(),
        "could not broadcast input array from shape(2, 2) into shape (2,)"
    );
}

#[test]
fn untouched_blocks_pass_through_without_run() {
    let x = lazy(&iota(&[10], 0), 3);
    let v = lazy(&iota(&[2], 50), 2);
    let r = setitem(&x, &[Place::List(vec![4, 5])], &v).unwrap();
    let Op::Plan { plan, .. } = r.op() else {
        panic!("setitem is a plan")
    };
    let passed: Vec<Option<usize>> = (0..4u32).map(|i| plan.pass_through(&[i])).collect();
    assert_eq!(passed, [Some(0), None, Some(0), Some(0)]);
    assert_eq!(run(&r).to_f64_vec()[3..7], [3., 50., 51., 6.]);
}
