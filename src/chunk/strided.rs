//! Broadcasting two operands without ndarray's generic n-d iteration, which
//! costs several nanoseconds per element when an axis is short (pairwise
//! differences `c[:, None, :] - c[None, :, :]` have a last axis of 3). Axes
//! are merged wherever both operands allow it, and the innermost run is a
//! plain loop whose operands step by 0 or 1: the compiler vectorises it.

use ndarray::{ArrayD, IxDyn};
use rayon::prelude::*;
use std::borrow::Cow;

/// One (merged) output axis: its length and each operand's element stride.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Axis {
    len: usize,
    sa: usize,
    sb: usize,
}

/// C-order element strides of `dims` right-aligned to `nd` output axes,
/// 0 where the operand broadcasts (length 1 or missing).
fn strides(dims: &[usize], nd: usize) -> Vec<usize> {
    let mut out = vec![0; nd];
    let lead = nd - dims.len();
    let mut step = 1;
    for (k, &d) in dims.iter().enumerate().rev() {
        if d != 1 {
            out[lead + k] = step;
        }
        step *= d;
    }
    out
}

/// The output axes, outermost first, with neighbours merged where both
/// operands step through them as one axis; length-1 axes dropped.
fn merged_axes(shape: &[usize], a: &[usize], b: &[usize]) -> Vec<Axis> {
    let (sa, sb) = (strides(a, shape.len()), strides(b, shape.len()));
    let mut rev: Vec<Axis> = Vec::new();
    for k in (0..shape.len()).rev() {
        if shape[k] == 1 {
            continue;
        }
        let ax = Axis {
            len: shape[k],
            sa: sa[k],
            sb: sb[k],
        };
        match rev.last_mut() {
            Some(inner) if ax.sa == inner.sa * inner.len && ax.sb == inner.sb * inner.len => {
                inner.len *= ax.len;
            }
            _ => rev.push(ax),
        }
    }
    rev.reverse();
    rev
}

/// Append the outputs of outer positions `from..to` of `outer` (the merged
/// axes except the innermost) to `out`.
#[allow(clippy::too_many_arguments)]
fn run<A: Copy, B: Copy, R>(
    xs: &[A],
    ys: &[B],
    outer: &[Axis],
    inner: Axis,
    from: usize,
    to: usize,
    f: &impl Fn(A, B) -> R,
    out: &mut Vec<R>,
) {
    // Odometer over the outer axes, started at `from`.
    let mut idx = vec![0usize; outer.len()];
    let (mut oa, mut ob) = (0usize, 0usize);
    let mut rem = from;
    for k in (0..outer.len()).rev() {
        idx[k] = rem % outer[k].len;
        rem /= outer[k].len;
        oa += idx[k] * outer[k].sa;
        ob += idx[k] * outer[k].sb;
    }
    let n = inner.len;
    for _ in from..to {
        match (inner.sa, inner.sb) {
            (1, 1) => out.extend(
                xs[oa..oa + n]
                    .iter()
                    .zip(&ys[ob..ob + n])
                    .map(|(&x, &y)| f(x, y)),
            ),
            (1, 0) => {
                let y = ys[ob];
                out.extend(xs[oa..oa + n].iter().map(|&x| f(x, y)));
            }
            (0, 1) => {
                let x = xs[oa];
                out.extend(ys[ob..ob + n].iter().map(|&y| f(x, y)));
            }
            (sa, sb) => out.extend((0..n).map(|i| f(xs[oa + i * sa], ys[ob + i * sb]))),
        }
        for k in (0..outer.len()).rev() {
            idx[k] += 1;
            oa += outer[k].sa;
            ob += outer[k].sb;
            if idx[k] < outer[k].len {
                break;
            }
            oa -= outer[k].sa * outer[k].len;
            ob -= outer[k].sb * outer[k].len;
            idx[k] = 0;
        }
    }
}

/// `f(a, b)` over the broadcast `shape` of `a` and `b` (already checked to
/// broadcast), in C order; parallel from `par_threshold` elements on.
pub fn broadcast_map2<A, B, R, F>(
    a: &ArrayD<A>,
    b: &ArrayD<B>,
    shape: &[usize],
    par_threshold: usize,
    f: F,
) -> ArrayD<R>
where
    A: Copy + Send + Sync,
    B: Copy + Send + Sync,
    R: Send + Sync,
    F: Fn(A, B) -> R + Sync + Send,
{
    let xa: Cow<'_, [A]> = match a.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(a.iter().copied().collect()),
    };
    let xb: Cow<'_, [B]> = match b.as_slice() {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(b.iter().copied().collect()),
    };
    let total: usize = shape.iter().product();
    let mut axes = merged_axes(shape, a.shape(), b.shape());
    let inner = axes.pop().unwrap_or(Axis {
        len: 1,
        sa: 0,
        sb: 0,
    });
    let outer_n: usize = axes.iter().map(|ax| ax.len).product();
    let out: Vec<R> = if total == 0 {
        Vec::new()
    } else if total >= par_threshold && outer_n > 1 {
        let per = (par_threshold / 4 / inner.len).max(1);
        let parts: Vec<Vec<R>> = (0..outer_n.div_ceil(per))
            .into_par_iter()
            .map(|p| {
                let (from, to) = (p * per, ((p + 1) * per).min(outer_n));
                let mut v = Vec::with_capacity((to - from) * inner.len);
                run(&xa, &xb, &axes, inner, from, to, &f, &mut v);
                v
            })
            .collect();
        let mut v = Vec::with_capacity(total);
        for p in parts {
            v.extend(p);
        }
        v
    } else {
        let mut v = Vec::with_capacity(total);
        run(&xa, &xb, &axes, inner, 0, outer_n, &f, &mut v);
        v
    };
    ArrayD::from_shape_vec(IxDyn(shape), out).expect("broadcast shape")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Zip;

    fn check(sa: &[usize], sb: &[usize], shape: &[usize], threshold: usize) {
        let na: usize = sa.iter().product();
        let nb: usize = sb.iter().product();
        let a = ArrayD::from_shape_vec(IxDyn(sa), (0..na).map(|i| i as f64).collect()).unwrap();
        let b = ArrayD::from_shape_vec(IxDyn(sb), (0..nb).map(|i| 1000.0 * i as f64).collect())
            .unwrap();
        let got = broadcast_map2(&a, &b, shape, threshold, |x, y| x - y);
        let want = Zip::from(&a.broadcast(IxDyn(shape)).unwrap())
            .and(&b.broadcast(IxDyn(shape)).unwrap())
            .map_collect(|&x, &y| x - y);
        assert_eq!(got, want, "{sa:?} {sb:?}");
    }

    #[test]
    fn matches_ndarray_broadcasting() {
        for threshold in [1, 7, 1 << 20] {
            check(&[3, 1, 3], &[1, 5, 3], &[3, 5, 3], threshold);
            check(&[4, 1], &[6], &[4, 6], threshold);
            check(&[1], &[2, 3, 4], &[2, 3, 4], threshold);
            check(&[2, 1, 4], &[2, 3, 1], &[2, 3, 4], threshold);
            check(&[5, 1, 1, 2], &[1, 1, 7, 1], &[5, 1, 7, 2], threshold);
            check(&[1, 1], &[1, 1], &[1, 1], threshold);
            check(&[0, 3], &[1, 3], &[0, 3], threshold);
            check(&[], &[4], &[4], threshold);
        }
    }

    #[test]
    fn merges_axes_both_operands_walk_together() {
        // (2,3,4) - (3,4): the last two axes merge into one run of 12.
        let axes = merged_axes(&[2, 3, 4], &[2, 3, 4], &[3, 4]);
        assert_eq!(
            axes,
            vec![
                Axis {
                    len: 2,
                    sa: 12,
                    sb: 0
                },
                Axis {
                    len: 12,
                    sa: 1,
                    sb: 1
                }
            ]
        );
    }
}
