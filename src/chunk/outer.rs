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

/// The shape of a reduction over a contiguous run of axes with kept axes
/// after it: `pre` independent `n_red × n_out` row-major matrices.
#[derive(Clone, Copy)]
struct Grid {
    pre: usize,
    n_red: usize,
    n_out: usize,
}

/// Fold every column of each of `g.pre` row-major `n_red × n_out` matrices
/// stored back to back in `rows` into `acc` (`pre × n_out` accumulators),
/// rows streamed in order so the data is read once, without transposing.
fn fold_into<T, A, F>(rows: &[T], g: Grid, acc: &mut [A], step: &F)
where
    T: Copy + Sync,
    A: Send,
    F: Fn(&mut A, T) + Sync + Send,
{
    let Grid { pre, n_red, n_out } = g;
    let run = |base: usize, c0: usize, block: &mut [A]| {
        let w = block.len();
        for r in 0..n_red {
            let at = base + r * n_out + c0;
            for (a, &v) in block.iter_mut().zip(&rows[at..at + w]) {
                step(a, v);
            }
        }
    };
    let big = pre * n_red * n_out >= PAR_THRESHOLD;
    if pre == 1 && big && n_out > COL_BLOCK {
        acc.par_chunks_mut(COL_BLOCK)
            .enumerate()
            .for_each(|(b, block)| run(0, b * COL_BLOCK, block));
    } else if pre > 1 && big {
        acc.par_chunks_mut(n_out)
            .enumerate()
            .for_each(|(p, block)| run(p * n_red * n_out, 0, block));
    } else {
        for (p, block) in acc.chunks_mut(n_out).enumerate() {
            run(p * n_red * n_out, 0, block);
        }
    }
}

/// [`fold_into`] with every accumulator starting at `init`.
fn fold_cols<T, A, F>(rows: &[T], g: Grid, init: A, step: F) -> Vec<A>
where
    T: Copy + Sync,
    A: Clone + Send + Sync,
    F: Fn(&mut A, T) + Sync + Send,
{
    let mut acc = vec![init; g.pre * g.n_out];
    fold_into(rows, g, &mut acc, &step);
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
    // A contiguous run of axes [k0, k1) with at least one kept axis after it.
    let k0 = *axes.first()?;
    let k1 = k0 + k;
    if k1 >= nd || axes.iter().enumerate().any(|(i, &a)| a != k0 + i) {
        return None;
    }
    let rows = x.as_slice()?;
    let shape = x.shape();
    let g = Grid {
        pre: shape[..k0].iter().product(),
        n_red: shape[k0..k1].iter().product(),
        n_out: shape[k1..].iter().product(),
    };
    let (n_red, n_out) = (g.n_red, g.n_out);
    if g.pre == 0 || n_red == 0 || n_out == 0 {
        return None;
    }
    let out_shape = super::lanes::keepdims_shape(shape, axes);
    let dim = IxDyn(&out_shape);
    let nan = op.skips_nan() && T::DTYPE.is_float();
    Some(match op {
        Sum | NanSum => match T::DTYPE.kind() {
            Kind::Float => {
                let s = fold_cols(rows, g, 0.0f64, |a, v: T| {
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
                fold_cols(rows, g, 0u64, |a: &mut u64, v: T| {
                    *a = a.wrapping_add(v.to_u64())
                }),
            ))),
            _ => PartialData::Plain(Chunk::I64(mk(
                &dim,
                fold_cols(rows, g, 0i64, |a: &mut i64, v: T| {
                    *a = a.wrapping_add(v.to_i64())
                }),
            ))),
        },
        Min | Max | NanMin | NanMax => {
            let want_max = matches!(op, Max | NanMax);
            let acc = fold_cols(rows, g, None::<T>, |a: &mut Option<T>, v: T| {
                *a = Some(match *a {
                    None => v,
                    Some(b) => extreme_step(b, v, want_max, nan),
                })
            });
            let acc = acc.into_iter().map(|a| a.unwrap_or_default()).collect();
            PartialData::Plain(T::into_chunk(mk(&dim, acc)))
        }
        Mean | NanMean | Var | Std | NanVar | NanStd => {
            let ct: Vec<(f64, f64)> = if nan {
                fold_cols(rows, g, (0.0f64, 0.0f64), |a, v: T| {
                    let f = v.to_f64();
                    if !f.is_nan() {
                        a.0 += 1.0;
                        a.1 += f;
                    }
                })
            } else {
                // Every element counts: fold plain totals (one f64 per
                // column vectorises; a (count, total) pair did not).
                let n = n_red as f64;
                fold_cols(rows, g, 0.0f64, |a, v: T| *a += v.to_f64())
                    .into_iter()
                    .map(|t| (n, t))
                    .collect()
            };
            let m2 = if matches!(op, Mean | NanMean) {
                vec![0.0; g.pre * n_out]
            } else {
                let means: Vec<f64> = ct
                    .iter()
                    .map(|&(n, t)| if n > 0.0 { t / n } else { 0.0 })
                    .collect();
                let mut acc: Vec<(usize, f64)> = (0..g.pre * n_out).map(|j| (j, 0.0)).collect();
                fold_into(rows, g, &mut acc, &|a: &mut (usize, f64), v: T| {
                    let f = v.to_f64();
                    if !(nan && f.is_nan()) {
                        let d = f - means[a.0];
                        a.1 += d * d;
                    }
                });
                acc.into_iter().map(|a| a.1).collect()
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
