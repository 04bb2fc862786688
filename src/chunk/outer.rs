//! Fast path for reducing the leading axes of a C-contiguous chunk (e.g.
//! `mean(axis=0)`): stream over rows accumulating into one slot per output
//! column, in parallel over column blocks, without transposing the data.

use super::kernel::PAR_THRESHOLD;
use super::partial::{Moments, PartialData};
use super::reduce::ReduceOp;
use super::{Chunk, Elem, Kind};
use ndarray::{ArrayD, IxDyn};
use rayon::prelude::*;

/// Columns per parallel task.
const COL_BLOCK: usize = 2048;

/// Fold every column of the `n_red × n_out` row-major matrix `rows`.
fn fold_cols<T, A, F>(rows: &[T], n_red: usize, n_out: usize, init: A, step: F) -> Vec<A>
where
    T: Copy + Sync,
    A: Clone + Send + Sync,
    F: Fn(&mut A, T) + Sync + Send,
{
    let mut acc = vec![init; n_out];
    let run = |c0: usize, block: &mut [A]| {
        for r in 0..n_red {
            let row = &rows[r * n_out + c0..r * n_out + c0 + block.len()];
            for (a, &v) in block.iter_mut().zip(row) {
                step(a, v);
            }
        }
    };
    if n_red * n_out >= PAR_THRESHOLD && n_out > COL_BLOCK {
        acc.par_chunks_mut(COL_BLOCK)
            .enumerate()
            .for_each(|(b, block)| run(b * COL_BLOCK, block));
    } else {
        run(0, &mut acc);
    }
    acc
}

/// One NumPy-style min/max step (NaN propagates unless skipped).
#[inline(always)]
pub(crate) fn extreme_step<T: Elem>(best: T, v: T, want_max: bool, skip_nan: bool) -> T {
    if best.is_nan() {
        return if skip_nan { v } else { best };
    }
    if v.is_nan() {
        return if skip_nan { best } else { v };
    }
    if (want_max && v > best) || (!want_max && v < best) {
        v
    } else {
        best
    }
}

/// The partial state for reducing the leading `k` axes of `x`, or None when
/// the fast path does not apply (non-contiguous, other axes, other ops).
pub(crate) fn try_outer<T: Elem>(
    x: &ArrayD<T>,
    op: ReduceOp,
    axes: &[usize],
) -> Option<PartialData> {
    use ReduceOp::*;
    let k = axes.len();
    let nd = x.ndim();
    if k == 0 || k >= nd || axes.iter().enumerate().any(|(i, &a)| a != i) {
        return None;
    }
    let rows = x.as_slice()?;
    let shape = x.shape();
    let n_red: usize = shape[..k].iter().product();
    let n_out: usize = shape[k..].iter().product();
    if n_red == 0 || n_out == 0 {
        return None;
    }
    let mut out_shape = vec![1usize; k];
    out_shape.extend_from_slice(&shape[k..]);
    let dim = IxDyn(&out_shape);
    let nan = op.skips_nan() && T::DTYPE.is_float();
    Some(match op {
        Sum | NanSum => match T::DTYPE.kind() {
            Kind::Float => {
                let s = fold_cols(rows, n_red, n_out, 0.0f64, |a, v: T| {
                    let f = v.to_f64();
                    if !(nan && f.is_nan()) {
                        *a += f;
                    }
                });
                PartialData::Plain(T::into_chunk(mk(
                    &dim,
                    s.into_iter().map(T::from_f64).collect(),
                )))
            }
            Kind::UInt => PartialData::Plain(Chunk::U64(mk(
                &dim,
                fold_cols(rows, n_red, n_out, 0u64, |a: &mut u64, v: T| {
                    *a = a.wrapping_add(v.to_u64())
                }),
            ))),
            _ => PartialData::Plain(Chunk::I64(mk(
                &dim,
                fold_cols(rows, n_red, n_out, 0i64, |a: &mut i64, v: T| {
                    *a = a.wrapping_add(v.to_i64())
                }),
            ))),
        },
        Min | Max | NanMin | NanMax => {
            let want_max = matches!(op, Max | NanMax);
            let first: Vec<T> = rows[..n_out].to_vec();
            let rest = &rows[n_out..];
            let mut acc = first;
            if n_red > 1 {
                let folded = fold_cols(
                    rest,
                    n_red - 1,
                    n_out,
                    None::<T>,
                    |a: &mut Option<T>, v: T| {
                        *a = Some(match *a {
                            None => v,
                            Some(b) => extreme_step(b, v, want_max, nan),
                        })
                    },
                );
                for (a, f) in acc.iter_mut().zip(folded) {
                    if let Some(f) = f {
                        *a = extreme_step(*a, f, want_max, nan);
                    }
                }
            }
            PartialData::Plain(T::into_chunk(mk(&dim, acc)))
        }
        Mean | NanMean | Var | Std | NanVar | NanStd => {
            let ct = fold_cols(rows, n_red, n_out, (0.0f64, 0.0f64), |a, v: T| {
                let f = v.to_f64();
                if !(nan && f.is_nan()) {
                    a.0 += 1.0;
                    a.1 += f;
                }
            });
            let m2 = if matches!(op, Mean | NanMean) {
                vec![0.0; n_out]
            } else {
                let means: Vec<f64> = ct
                    .iter()
                    .map(|&(n, t)| if n > 0.0 { t / n } else { 0.0 })
                    .collect();
                let idx: Vec<(usize, f64)> = (0..n_out).map(|j| (j, 0.0)).collect();
                fold_cols_indexed(rows, n_red, n_out, idx, |a, v: T| {
                    let f = v.to_f64();
                    if !(nan && f.is_nan()) {
                        let d = f - means[a.0];
                        a.1 += d * d;
                    }
                })
            };
            PartialData::Moments(Moments {
                count: mk(&dim, ct.iter().map(|c| c.0).collect()),
                total: mk(&dim, ct.iter().map(|c| c.1).collect()),
                m2: mk(&dim, m2),
            })
        }
        _ => return None,
    })
}

fn mk<A>(dim: &IxDyn, v: Vec<A>) -> ArrayD<A> {
    ArrayD::from_shape_vec(dim.clone(), v).expect("shape")
}

/// Like `fold_cols` but each accumulator starts from its own initial value.
fn fold_cols_indexed<T, F>(
    rows: &[T],
    n_red: usize,
    n_out: usize,
    init: Vec<(usize, f64)>,
    step: F,
) -> Vec<f64>
where
    T: Copy + Sync,
    F: Fn(&mut (usize, f64), T) + Sync + Send,
{
    let mut acc = init;
    let run = |c0: usize, block: &mut [(usize, f64)]| {
        for r in 0..n_red {
            let row = &rows[r * n_out + c0..r * n_out + c0 + block.len()];
            for (a, &v) in block.iter_mut().zip(row) {
                step(a, v);
            }
        }
    };
    if n_red * n_out >= PAR_THRESHOLD && n_out > COL_BLOCK {
        acc.par_chunks_mut(COL_BLOCK)
            .enumerate()
            .for_each(|(b, block)| run(b * COL_BLOCK, block));
    } else {
        run(0, &mut acc);
    }
    acc.into_iter().map(|a| a.1).collect()
}
