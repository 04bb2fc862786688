//! Lane iteration for reductions: view a chunk as (kept elements) × (reduced
//! elements), each reduced lane a contiguous slice, and map lanes in parallel.

use super::kernel::PAR_THRESHOLD;
use ndarray::{ArrayD, Axis, IxDyn};
use rayon::prelude::*;

/// The keepdims output shape of reducing `shape` over `axes`.
pub fn keepdims_shape(shape: &[usize], axes: &[usize]) -> Vec<usize> {
    shape
        .iter()
        .enumerate()
        .map(|(i, &d)| if axes.contains(&i) { 1 } else { d })
        .collect()
}

/// The output shape without the reduced axes.
pub fn squeezed_shape(shape: &[usize], axes: &[usize]) -> Vec<usize> {
    shape
        .iter()
        .enumerate()
        .filter(|(i, _)| !axes.contains(i))
        .map(|(_, &d)| d)
        .collect()
}

/// Map `f(lane_index, lane)` over every reduced lane; the result has the
/// keepdims shape. Lanes are C-order slices over the reduced axes.
pub fn map_lanes<T, R, F>(a: &ArrayD<T>, axes: &[usize], f: F) -> ArrayD<R>
where
    T: Copy + Send + Sync,
    R: Send + Sync,
    F: Fn(usize, &[T]) -> R + Sync + Send,
{
    let shape = a.shape().to_vec();
    let out_shape = keepdims_shape(&shape, axes);
    let kept: Vec<usize> = (0..shape.len()).filter(|i| !axes.contains(i)).collect();
    let n_out: usize = kept.iter().map(|&i| shape[i]).product();
    let n_red: usize = axes.iter().map(|&i| shape[i]).product();
    let mut perm = kept.clone();
    perm.extend_from_slice(axes);
    let view = a.view().permuted_axes(IxDyn(&perm));
    let std = view.as_standard_layout();
    let flat = std.as_slice().expect("standard layout");
    let out: Vec<R> = if n_red == 0 {
        (0..n_out).map(|i| f(i, &[])).collect()
    } else if n_out * n_red >= PAR_THRESHOLD && n_out > 1 {
        flat.par_chunks(n_red)
            .enumerate()
            .map(|(i, lane)| f(i, lane))
            .collect()
    } else {
        flat.chunks(n_red)
            .enumerate()
            .map(|(i, lane)| f(i, lane))
            .collect()
    };
    ArrayD::from_shape_vec(IxDyn(&out_shape), out).expect("lane count matches")
}

/// Remove the given (length-1) axes from a keepdims result.
pub fn squeeze_axes<R>(mut a: ArrayD<R>, axes: &[usize]) -> ArrayD<R> {
    for &ax in axes.iter().rev() {
        a = a.index_axis_move(Axis(ax), 0);
    }
    a
}

/// Pairwise sum of any element type converted to f64 on the fly.
pub fn pairwise_sum_by<T: Copy>(x: &[T], f: impl Fn(T) -> f64 + Copy) -> f64 {
    if x.len() <= 128 {
        let mut acc = [0.0f64; 8];
        let mut chunks = x.chunks_exact(8);
        for c in &mut chunks {
            for k in 0..8 {
                acc[k] += f(c[k]);
            }
        }
        let mut s =
            ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
        for &v in chunks.remainder() {
            s += f(v);
        }
        s
    } else {
        let mid = (x.len() / 2) & !7;
        pairwise_sum_by(&x[..mid], f) + pairwise_sum_by(&x[mid..], f)
    }
}
