use super::*;
use crate::chunk::partial::partial_at;
use crate::chunk::{combine, combine_refs, BlockSpec, CounterRng, Elem};
use ndarray::{s, ArrayD, IxDyn, SliceInfoElem};

fn cube() -> Chunk {
    Chunk::from_vec((0..24).collect::<Vec<i32>>(), &[2, 3, 4]).unwrap()
}

// Expected values below were printed by numpy 2.4 for np.arange(24, dtype=int32).reshape(2, 3, 4).
#[test]
fn sum_over_several_axes_widens_int32() {
    let r = reduce(&cube(), ReduceOp::Sum, Some(&[0, 2]), false, 0).unwrap();
    assert_eq!(r, Chunk::from_vec(vec![60i64, 92, 124], &[3]).unwrap());
    let k = reduce(&cube(), ReduceOp::Sum, Some(&[1]), true, 0).unwrap();
    assert_eq!(k.shape(), &[2, 1, 4]);
    let all = reduce(&cube(), ReduceOp::Sum, None, false, 0).unwrap();
    assert_eq!(all.shape(), &[] as &[usize]);
    assert_eq!(all.item().unwrap(), crate::chunk::Scalar::I64(276));
}

#[test]
fn mean_var_std_match_numpy() {
    let m = reduce(&cube(), ReduceOp::Mean, Some(&[1]), false, 0).unwrap();
    assert_eq!(m.dtype(), DType::Float64);
    assert_eq!(m.to_f64_vec(), vec![4., 5., 6., 7., 16., 17., 18., 19.]);
    let v = reduce(&cube(), ReduceOp::Var, Some(&[0]), false, 1).unwrap();
    assert_eq!(v.to_f64_vec(), vec![72.0; 12]);
    let s = reduce(&cube(), ReduceOp::Std, None, false, 0).unwrap();
    assert!((s.item().unwrap().to_f64() - 6.922186552431729).abs() < 1e-14);
    let x = Chunk::from_vec(vec![1.0f64, 2., 3., 4.], &[4]).unwrap();
    let inf = reduce(&x, ReduceOp::Var, None, false, 4).unwrap();
    assert_eq!(inf.item().unwrap().to_f64(), f64::INFINITY);
    let f32m = reduce(
        &Chunk::from_vec(vec![1f32, 2.], &[2]).unwrap(),
        ReduceOp::Mean,
        None,
        false,
        0,
    )
    .unwrap();
    assert_eq!(f32m.dtype(), DType::Float32);
}

#[test]
fn prod_min_argmax() {
    let p = reduce(&cube(), ReduceOp::Prod, Some(&[2]), false, 0).unwrap();
    assert_eq!(
        p.to_f64_vec(),
        vec![0., 840., 7920., 32760., 93024., 212520.]
    );
    let mn = reduce(&cube(), ReduceOp::Min, Some(&[1]), false, 0).unwrap();
    assert_eq!(mn.dtype(), DType::Int32);
    assert_eq!(mn.to_f64_vec(), vec![0., 1., 2., 3., 12., 13., 14., 15.]);
    let am = reduce(&cube(), ReduceOp::ArgMax, Some(&[1]), false, 0).unwrap();
    assert_eq!(am, Chunk::from_vec(vec![2i64; 8], &[2, 4]).unwrap());
    assert_eq!(
        reduce(&cube(), ReduceOp::ArgMin, None, false, 0)
            .unwrap()
            .item()
            .unwrap()
            .to_i64(),
        0
    );
    assert!(reduce(&cube(), ReduceOp::ArgMin, Some(&[0, 1]), false, 0).is_err());
}

#[test]
fn nan_variants_match_numpy() {
    let n = f64::NAN;
    let f = Chunk::from_vec(vec![1., n, 3., n, n, n], &[2, 3]).unwrap();
    let ax = Some(&[1isize][..]);
    let v = |op| reduce(&f, op, ax, false, 0).unwrap().to_f64_vec();
    assert_eq!(v(ReduceOp::NanSum), vec![4., 0.]);
    let m = v(ReduceOp::NanMean);
    assert!(m[0] == 2.0 && m[1].is_nan());
    let mx = v(ReduceOp::NanMax);
    assert!(mx[0] == 3.0 && mx[1].is_nan());
    let var = v(ReduceOp::NanVar);
    assert!(var[0] == 1.0 && var[1].is_nan());
    assert!(v(ReduceOp::Max).iter().all(|x| x.is_nan()));
    assert_eq!(v(ReduceOp::ArgMax), vec![1., 0.]);
    let g = Chunk::from_vec(vec![1., n, 3., 3.], &[4]).unwrap();
    assert_eq!(
        reduce(&g, ReduceOp::NanArgMax, None, false, 0)
            .unwrap()
            .item()
            .unwrap()
            .to_i64(),
        2
    );
    let e = reduce(&f, ReduceOp::NanArgMin, ax, false, 0).unwrap_err();
    assert_eq!(e.to_string(), "All-NaN slice encountered");
}

#[test]
fn empty_reductions() {
    let e = Chunk::zeros(&[0, 3], DType::Float64).unwrap();
    let s = reduce(&e, ReduceOp::Sum, Some(&[0]), false, 0).unwrap();
    assert_eq!(s.to_f64_vec(), vec![0.; 3]);
    let err = reduce(&e, ReduceOp::Max, Some(&[0]), false, 0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "zero-size array to reduction operation maximum which has no identity"
    );
    // reducing the non-empty axis of an empty array is fine (result is empty)
    assert_eq!(
        reduce(&e, ReduceOp::Max, Some(&[1]), false, 0)
            .unwrap()
            .shape(),
        &[0]
    );
}

/// Split `a` (2-D or 3-D) into blocks at random cut points, reduce each block
/// partially, combine in groups of at most 4, and compare with the direct result.
fn tree_equals_direct(a: &Chunk, op: ReduceOp, axes: &[usize], rng_seed: u64) {
    let shape = a.shape().to_vec();
    let nd = shape.len();
    let rng = CounterRng::new(rng_seed, 99);
    let r = rng
        .randint(0, 1 << 30, DType::Int64, &BlockSpec::whole(&[16]))
        .unwrap();
    let rv = r.as_array::<i64>().unwrap().as_slice().unwrap().to_vec();
    // cut points per axis: 0 < c < d, 1-3 cuts
    let cuts: Vec<Vec<usize>> = (0..nd)
        .map(|i| {
            let d = shape[i];
            let mut c = vec![0, d];
            for k in 0..(1 + rv[i] as usize % 3) {
                if d > 1 {
                    c.push(1 + rv[(i * 3 + k + 5) % 16] as usize % (d - 1));
                }
            }
            c.sort_unstable();
            c.dedup();
            c
        })
        .collect();
    let direct = reduce(
        a,
        op,
        Some(&axes.iter().map(|&x| x as isize).collect::<Vec<_>>()),
        true,
        1,
    );
    // group blocks by their index on the kept axes
    let nb: Vec<usize> = cuts.iter().map(|c| c.len() - 1).collect();
    let total: usize = nb.iter().product();
    let mut groups: std::collections::BTreeMap<Vec<usize>, Vec<crate::chunk::Partial>> =
        Default::default();
    for flat in 0..total {
        let mut idx = vec![0; nd];
        let mut rem = flat;
        for i in (0..nd).rev() {
            idx[i] = rem % nb[i];
            rem /= nb[i];
        }
        let info: Vec<SliceInfoElem> = (0..nd)
            .map(|i| SliceInfoElem::Slice {
                start: cuts[i][idx[i]] as isize,
                end: Some(cuts[i][idx[i] + 1] as isize),
                step: 1,
            })
            .collect();
        let off: Vec<usize> = (0..nd).map(|i| cuts[i][idx[i]]).collect();
        let block = dispatch_chunk!(a, x => Elem::into_chunk(x.slice(info.as_slice()).to_owned()));
        let p = partial_at(&block, op, axes, Some((&off, &shape))).unwrap();
        let key: Vec<usize> = (0..nd)
            .map(|i| if axes.contains(&i) { 0 } else { idx[i] })
            .collect();
        groups.entry(key).or_default().push(p);
    }
    for (key, mut parts) in groups {
        while parts.len() > 1 {
            let mut next = Vec::new();
            let mut it = parts.into_iter().peekable();
            while it.peek().is_some() {
                let g: Vec<_> = it.by_ref().take(4).collect();
                // Borrowed inputs merge exactly as owned ones (NaN-aware: compared as text).
                let refs: Vec<&crate::chunk::Partial> = g.iter().collect();
                let borrowed = combine_refs(&refs).unwrap();
                let owned = combine(g).unwrap();
                assert_eq!(format!("{borrowed:?}"), format!("{owned:?}"), "{op:?}");
                next.push(owned);
            }
            parts = next;
        }
        let got = finalize(parts.pop().unwrap(), 1, true);
        // compare against the matching slice of the direct result
        let Ok(direct) = &direct else {
            assert!(got.is_err(), "{op:?}: direct failed but tree did not");
            continue;
        };
        let got = got.unwrap();
        let info: Vec<SliceInfoElem> = (0..nd)
            .map(|i| {
                if axes.contains(&i) {
                    SliceInfoElem::Slice {
                        start: 0,
                        end: None,
                        step: 1,
                    }
                } else {
                    SliceInfoElem::Slice {
                        start: cuts[i][key[i]] as isize,
                        end: Some(cuts[i][key[i] + 1] as isize),
                        step: 1,
                    }
                }
            })
            .collect();
        let want =
            dispatch_chunk!(direct, x => Elem::into_chunk(x.slice(info.as_slice()).to_owned()));
        assert_eq!(got.dtype(), want.dtype(), "{op:?}");
        assert_eq!(got.shape(), want.shape(), "{op:?}");
        for (g, w) in got.to_f64_vec().iter().zip(want.to_f64_vec()) {
            let ok = (g.is_nan() && w.is_nan()) || (g - w).abs() <= 1e-9 * w.abs().max(1.0);
            assert!(ok, "{op:?} axes {axes:?}: tree {g} vs direct {w}");
        }
    }
}

#[test]
fn partial_combine_equals_direct_for_random_splits() {
    use ReduceOp::*;
    let shape = [7usize, 9, 5];
    let rng = CounterRng::new(2024, 1);
    let mut f = rng.normal(3.0, 2.0, &BlockSpec::whole(&shape)).unwrap();
    // sprinkle NaNs and ties
    if let Chunk::F64(a) = &mut f {
        a[[1, 2, 3]] = f64::NAN;
        a[[4, 0, 0]] = f64::NAN;
        a[[6, 8, 4]] = 10.0;
        a[[0, 0, 0]] = 10.0;
    }
    let ints = rng
        .randint(-50, 50, DType::Int32, &BlockSpec::whole(&shape))
        .unwrap();
    let ops = [
        Sum, Prod, Mean, Var, Std, Min, Max, Any, All, NanSum, NanMean, NanVar, NanStd, NanMin,
        NanMax, NanProd,
    ];
    let axes_sets: [&[usize]; 6] = [&[0], &[1], &[2], &[0, 1], &[0, 2], &[0, 1, 2]];
    for (k, axes) in axes_sets.iter().enumerate() {
        for op in ops {
            tree_equals_direct(&f, op, axes, k as u64 * 31 + 7);
            tree_equals_direct(&ints, op, axes, k as u64 * 17 + 3);
        }
    }
    for axes in [&[0usize][..], &[1], &[2], &[0, 1, 2]] {
        for op in [ArgMin, ArgMax, NanArgMin, NanArgMax] {
            for seed in 0..3 {
                tree_equals_direct(&ints, op, axes, seed);
                tree_equals_direct(&f, op, axes, seed + 10);
            }
        }
    }
}

#[test]
fn moments_merge_is_stable_for_offset_data() {
    // values near 1e9 with small spread: naive sum-of-squares loses everything
    let v: Vec<f64> = (0..1000).map(|i| 1e9 + (i % 10) as f64).collect();
    let a = Chunk::from_vec(v, &[1000]).unwrap();
    let parts: Vec<_> = (0..10)
        .map(|k| {
            let blk = Chunk::from_array(
                a.as_array::<f64>()
                    .unwrap()
                    .slice(s![k * 100..(k + 1) * 100])
                    .to_owned()
                    .into_dyn(),
            );
            crate::chunk::partial(&blk, ReduceOp::Var, &[0]).unwrap()
        })
        .collect();
    let var = finalize(combine(parts).unwrap(), 0, false)
        .unwrap()
        .item()
        .unwrap()
        .to_f64();
    assert!((var - 8.25).abs() < 1e-6, "{var}");
    let _ = ArrayD::<f64>::zeros(IxDyn(&[1]));
}

#[test]
fn leading_axis_fast_path_equals_lane_path() {
    use ReduceOp::*;
    let shape = [6usize, 300, 70];
    let rng = CounterRng::new(77, 0);
    let mut f = rng.normal(0.0, 5.0, &BlockSpec::whole(&shape)).unwrap();
    if let Chunk::F64(a) = &mut f {
        a[[2, 10, 3]] = f64::NAN;
        for i in 0..6 {
            a[[i, 20, 5]] = f64::NAN;
        }
    }
    let ints = rng
        .randint(-1000, 1000, DType::Int16, &BlockSpec::whole(&shape))
        .unwrap();
    for c in [&f, &ints] {
        // the same data with axes permuted in memory (non-contiguous): lane path
        let perm =
            dispatch_chunk!(c, x => Elem::into_chunk(x.clone().permuted_axes(IxDyn(&[2, 0, 1]))));
        for op in [
            Sum, Mean, Var, Std, Min, Max, NanSum, NanMean, NanVar, NanStd, NanMin, NanMax,
        ] {
            for (axes, paxes) in [(&[0isize][..], &[1isize][..]), (&[0, 1], &[1, 2])] {
                let fast = reduce(c, op, Some(axes), false, 1).unwrap();
                let slow = reduce(&perm, op, Some(paxes), false, 1).unwrap();
                let slow = crate::chunk::transpose(&slow, None).unwrap();
                assert_eq!(fast.dtype(), slow.dtype());
                assert_eq!(fast.shape(), slow.shape());
                for (a, b) in fast.to_f64_vec().iter().zip(slow.to_f64_vec()) {
                    assert!(
                        (a.is_nan() && b.is_nan()) || (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                        "{op:?} {a} vs {b}"
                    );
                }
            }
        }
    }
}

/// Reducing a run of middle axes streams rows (`outer.rs`); it must equal
/// reducing the same axes moved last (the lane path), for every dtype kind.
#[test]
fn middle_axis_reductions_match_the_lane_path() {
    let vals: Vec<f64> = (0..3 * 4 * 5 * 2)
        .map(|i| ((i * 37 % 23) as f64 - 11.0) * 0.5)
        .collect();
    let mut with_nan = vals.clone();
    with_nan[7] = f64::NAN;
    let shape = [3usize, 4, 5, 2];
    let chunks = [
        Chunk::from_vec(vals.clone(), &shape).unwrap(),
        Chunk::from_vec(with_nan, &shape).unwrap(),
        Chunk::from_vec(vals.iter().map(|&v| v as i32).collect::<Vec<_>>(), &shape).unwrap(),
    ];
    let ops = [
        ReduceOp::Sum,
        ReduceOp::Max,
        ReduceOp::NanMin,
        ReduceOp::Mean,
        ReduceOp::Var,
        ReduceOp::NanSum,
    ];
    for c in &chunks {
        for axes in [vec![1usize], vec![1, 2], vec![2], vec![0, 1]] {
            // Move the reduced axes last, in a standard-layout copy.
            let mut perm: Vec<usize> = (0..4).filter(|a| !axes.contains(a)).collect();
            perm.extend(&axes);
            let moved = crate::chunk::blocks::permute(c, &perm).unwrap();
            let tail: Vec<isize> = (4 - axes.len()..4).map(|a| a as isize).collect();
            let ax: Vec<isize> = axes.iter().map(|&a| a as isize).collect();
            for op in ops {
                let got = reduce(c, op, Some(&ax), false, 0).unwrap();
                let want = reduce(&moved, op, Some(&tail), false, 0).unwrap();
                assert_eq!(got.shape(), want.shape(), "{op:?} {axes:?}");
                for (g, w) in got.to_f64_vec().iter().zip(want.to_f64_vec()) {
                    assert!(
                        (g.is_nan() && w.is_nan()) || (g - w).abs() <= 1e-12 * w.abs().max(1.0),
                        "{op:?} over {axes:?} of {:?}: {g} vs {w}",
                        c.dtype()
                    );
                }
            }
        }
    }
}
