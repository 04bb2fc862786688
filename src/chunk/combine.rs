//! Merging partial reductions: elementwise for plain states, Chan et al.'s
//! parallel update for moments, best (value, index) pairs for arg-reductions.

use super::elementwise::{binary, BinaryOp};
use super::error::{ChunkError, Result};
use super::partial::{check_same, Moments, Partial, PartialData};
use super::reduce::ReduceOp;
use super::{Chunk, Elem};
use ndarray::{ArrayD, Zip};

/// Merge partials of blocks that reduce into the same output block (all with
/// the same keepdims shape). Empty partials are skipped.
pub fn combine(parts: Vec<Partial>) -> Result<Partial> {
    if parts.is_empty() {
        return Err(ChunkError::Value(
            "combine needs at least one partial".into(),
        ));
    }
    check_same(&parts.iter().collect::<Vec<_>>())?;
    let mut first_empty = None;
    let mut acc: Option<Partial> = None;
    for p in parts {
        if p.empty {
            first_empty.get_or_insert(p);
        } else if let Some(mut a) = acc.take() {
            a.data = merge(a.op, a.data, &p.data)?;
            acc = Some(a);
        } else {
            acc = Some(p);
        }
    }
    Ok(acc.or(first_empty).expect("at least one partial"))
}

/// [`combine`] of borrowed partials (a combine task's inputs stay with the
/// scheduler): only the first non-empty one is copied, as the accumulator.
pub fn combine_refs(parts: &[&Partial]) -> Result<Partial> {
    if parts.is_empty() {
        return Err(ChunkError::Value(
            "combine needs at least one partial".into(),
        ));
    }
    check_same(parts)?;
    let mut live = parts.iter().filter(|p| !p.empty);
    let Some(&first) = live.next() else {
        return Ok(parts[0].clone());
    };
    let mut acc = first.clone();
    for p in live {
        acc.data = merge(acc.op, acc.data, &p.data)?;
    }
    Ok(acc)
}

fn merge(op: ReduceOp, a: PartialData, b: &PartialData) -> Result<PartialData> {
    use ReduceOp::*;
    Ok(match (a, b) {
        // The common case (sums of float64/int64 partials of one shape) adds in place:
        // no promotion, no new allocation per merge.
        (PartialData::Plain(mut x), PartialData::Plain(y))
            if matches!(op, Sum | NanSum)
                && x.shape() == y.shape()
                && x.dtype() == y.dtype()
                && matches!(x, Chunk::F64(_) | Chunk::I64(_)) =>
        {
            match (&mut x, y) {
                (Chunk::F64(a), Chunk::F64(b)) => a.zip_mut_with(b, |p, q| *p += *q),
                (Chunk::I64(a), Chunk::I64(b)) => a.zip_mut_with(b, |p, q| *p = p.wrapping_add(*q)),
                _ => unreachable!("guarded above"),
            }
            PartialData::Plain(x)
        }
        (PartialData::Plain(x), PartialData::Plain(y)) => {
            let bop = match op {
                Sum | NanSum => BinaryOp::Add,
                Prod | NanProd => BinaryOp::Mul,
                Min => BinaryOp::Minimum,
                Max => BinaryOp::Maximum,
                NanMin => BinaryOp::Fmin,
                NanMax => BinaryOp::Fmax,
                Any => BinaryOp::LogicalOr,
                _ => BinaryOp::LogicalAnd,
            };
            PartialData::Plain(binary(bop, &x, y)?)
        }
        // A mean needs no second moment: add counts and totals in place.
        (PartialData::Moments(mut x), PartialData::Moments(y)) if matches!(op, Mean | NanMean) => {
            x.count += &y.count;
            x.total += &y.total;
            PartialData::Moments(x)
        }
        (PartialData::Moments(x), PartialData::Moments(y)) => {
            PartialData::Moments(merge_moments(&x, y))
        }
        (
            PartialData::Arg {
                values: va,
                index: ia,
            },
            PartialData::Arg {
                values: vb,
                index: ib,
            },
        ) => {
            let want_max = matches!(op, ArgMax | NanArgMax);
            dispatch_chunk!(&va, x => {
                let y = Elem::array(vb).ok_or_else(|| ChunkError::Value("arg partial dtypes differ".into()))?;
                let (v, i) = merge_arg(x, &ia, y, ib, want_max);
                PartialData::Arg { values: Elem::into_chunk(v), index: i }
            })
        }
        _ => {
            return Err(ChunkError::Value(
                "cannot combine partials of different kinds".into(),
            ))
        }
    })
}

/// Chan, Golub & LeVeque's pairwise update of (count, total, M2).
pub fn merge_moments(a: &Moments, b: &Moments) -> Moments {
    let count = &a.count + &b.count;
    let total = &a.total + &b.total;
    let mut m2 = a.m2.clone();
    Zip::from(&mut m2)
        .and(&b.m2)
        .and(&a.count)
        .and(&b.count)
        .and(&a.total)
        .and(&b.total)
        .for_each(|m, &mb, &na, &nb, &ta, &tb| {
            if na == 0.0 {
                *m = mb;
            } else if nb > 0.0 {
                let delta = tb / nb - ta / na;
                *m = *m + mb + delta * delta * na * nb / (na + nb);
            }
        });
    Moments { count, total, m2 }
}

fn merge_arg<T: Elem>(
    va: &ArrayD<T>,
    ia: &ArrayD<i64>,
    vb: &ArrayD<T>,
    ib: &ArrayD<i64>,
    want_max: bool,
) -> (ArrayD<T>, ArrayD<i64>) {
    let picked = Zip::from(va)
        .and(ia)
        .and(vb)
        .and(ib)
        .map_collect(|&a, &i, &b, &j| {
            if better(b, j, a, i, want_max) {
                (b, j)
            } else {
                (a, i)
            }
        });
    (picked.mapv(|p| p.0), picked.mapv(|p| p.1))
}

/// Whether candidate (b, j) beats the incumbent (a, i) under NumPy's rules:
/// NaN wins (first NaN), else larger (smaller) value, ties to the lower index.
fn better<T: Elem>(b: T, j: i64, a: T, i: i64, want_max: bool) -> bool {
    if j < 0 {
        return false;
    }
    if i < 0 {
        return true;
    }
    match (a.is_nan(), b.is_nan()) {
        (true, true) => j < i,
        (true, false) => false,
        (false, true) => true,
        _ => {
            if a == b {
                j < i
            } else if want_max {
                b > a
            } else {
                b < a
            }
        }
    }
}

/// Convenience: plain chunk of a partial (sum/min/... states).
pub fn plain(p: &Partial) -> Option<&Chunk> {
    match &p.data {
        PartialData::Plain(c) => Some(c),
        _ => None,
    }
}

/// Join partials of neighbouring tiles along a kept (not reduced) axis, in
/// order: a block reduced tile by tile along an axis it keeps is the
/// concatenation of its tiles' partials there.
pub fn stitch(parts: Vec<Partial>, axis: usize) -> Result<Partial> {
    let Some(first) = parts.first() else {
        return Err(ChunkError::Value(
            "stitch needs at least one partial".into(),
        ));
    };
    if first.axes.contains(&axis) {
        return Err(ChunkError::Value(format!(
            "cannot stitch partials along reduced axis {axis}"
        )));
    }
    let (op, axes, in_dtype) = (first.op, first.axes.clone(), first.in_dtype);
    let empty = parts.iter().all(|p| p.empty);
    let cat = |xs: Vec<ArrayD<f64>>| -> Result<ArrayD<f64>> {
        let views: Vec<_> = xs.iter().map(|x| x.view()).collect();
        ndarray::concatenate(ndarray::Axis(axis), &views)
            .map_err(|e| ChunkError::Shape(format!("cannot stitch partials: {e}")))
    };
    let data = match &first.data {
        PartialData::Plain(_) => {
            let cs: Vec<Chunk> = parts
                .into_iter()
                .map(|p| match p.data {
                    PartialData::Plain(c) => Ok(c),
                    _ => Err(mixed()),
                })
                .collect::<Result<_>>()?;
            PartialData::Plain(super::assemble::concatenate(&cs, axis as isize)?)
        }
        PartialData::Moments(_) => {
            let (mut n, mut t, mut m2) = (Vec::new(), Vec::new(), Vec::new());
            for p in parts {
                let PartialData::Moments(m) = p.data else {
                    return Err(mixed());
                };
                n.push(m.count);
                t.push(m.total);
                m2.push(m.m2);
            }
            PartialData::Moments(Moments {
                count: cat(n)?,
                total: cat(t)?,
                m2: cat(m2)?,
            })
        }
        PartialData::Arg { .. } => {
            let (mut vs, mut is) = (Vec::new(), Vec::new());
            for p in parts {
                let PartialData::Arg { values, index } = p.data else {
                    return Err(mixed());
                };
                vs.push(values);
                is.push(index);
            }
            let views: Vec<_> = is.iter().map(|x| x.view()).collect();
            let index = ndarray::concatenate(ndarray::Axis(axis), &views)
                .map_err(|e| ChunkError::Shape(format!("cannot stitch partials: {e}")))?;
            PartialData::Arg {
                values: super::assemble::concatenate(&vs, axis as isize)?,
                index,
            }
        }
    };
    Ok(Partial {
        op,
        axes,
        in_dtype,
        empty,
        data,
    })
}

fn mixed() -> ChunkError {
    ChunkError::Value("cannot stitch partials of different reductions".into())
}
