//! Fuzzing lazy-array metadata: random shapes and chunkings through chains of
//! basic indexing, reshape, transpose and rechunk. After every step the
//! chunks must tile the shape; at the end the lazy result, computed block by
//! block, must equal the same steps applied to the whole eager array.

use super::Bytes;
use crate::array::chunks::blocks_of;
use crate::array::{self, manipulation, reshape, slicing, Array, ArrayError, IndexItem};
use crate::array::{AxisSpec, ChunkSpec, ComputeOptions};
use crate::chunk::{self, Chunk, IndexElem};
use crate::sched::{CancelToken, Scheduler};
use std::sync::Arc;

const STEPS: [Option<i64>; 5] = [Some(1), Some(2), Some(3), Some(-1), Some(-2)];

/// One fuzz case; panics when lazy and eager disagree or metadata is inconsistent.
pub fn one(data: &[u8]) {
    let mut b = Bytes::new(data);
    let nd = b.below(5);
    let shape: Vec<usize> = (0..nd).map(|_| b.below(7)).collect();
    let spec = ChunkSpec::PerAxis(
        shape
            .iter()
            .map(|&d| AxisSpec::Size(1 + b.below(d.max(1))))
            .collect(),
    );
    let n: usize = shape.iter().product();
    let eager0 = Chunk::from_vec((0..n as i64).collect::<Vec<_>>(), &shape).expect("data");
    let mut lazy = array::creation::from_chunk(Arc::new(eager0.clone()), &spec, 7)
        .expect("a valid chunking of a valid shape");
    let mut eager = eager0;
    for _ in 0..6 {
        if !b.more() {
            break;
        }
        let (l, e, lazy_may_refuse) = step(&mut b, &lazy, &eager);
        match (l, e) {
            (Ok(l), Ok(e)) => {
                check_meta(&l);
                assert_eq!(l.meta().shape, e.shape(), "shapes differ");
                lazy = l;
                eager = e;
            }
            (Err(_), Err(_)) => return,
            (Err(ArrayError::NotImplemented(_)), Ok(_)) if lazy_may_refuse => return,
            (Err(le), Ok(_)) => panic!("lazy refused what eager accepts: {le}"),
            (Ok(_), Err(ee)) => panic!("lazy accepted what eager refuses: {ee}"),
        }
    }
    let opts = ComputeOptions::new(Scheduler::Sync, CancelToken::new());
    let (mut out, _) = array::compute(std::slice::from_ref(&lazy), &opts).expect("compute");
    let got = out.remove(0);
    assert_eq!(got.shape(), eager.shape());
    assert_eq!(got.to_f64_vec(), eager.to_f64_vec(), "values differ");
}

type Both = (
    Result<Array, ArrayError>,
    Result<Chunk, chunk::ChunkError>,
    bool,
);

fn step(b: &mut Bytes, lazy: &Array, eager: &Chunk) -> Both {
    let nd = eager.ndim();
    match b.below(4) {
        0 => {
            let items: Vec<(IndexItem, IndexElem)> =
                (0..b.below(nd + 2)).map(|_| item(b)).collect();
            let (li, ei): (Vec<_>, Vec<_>) = items.into_iter().unzip();
            (slicing::getitem(lazy, &li), chunk::slice(eager, &ei), false)
        }
        1 => {
            let k = 1 + b.below(4);
            let mut target: Vec<isize> = (0..k).map(|_| b.below(7) as isize).collect();
            if b.u8().is_multiple_of(2) {
                target[b.below(k)] = -1;
            }
            // Dask refuses some reshapes it cannot plan blockwise; so may we.
            (
                reshape::reshape(lazy, &target),
                chunk::reshape(eager, &target),
                true,
            )
        }
        2 => {
            let mut perm: Vec<isize> = (0..nd as isize).collect();
            for i in (1..nd).rev() {
                perm.swap(i, b.below(i + 1));
            }
            (
                manipulation::transpose(lazy, Some(&perm)),
                chunk::transpose(eager, Some(&perm)),
                false,
            )
        }
        _ => {
            let chunks: Vec<Vec<usize>> = eager
                .shape()
                .iter()
                .map(|&d| blocks_of(d, 1 + b.below(d.max(1))))
                .collect();
            (
                manipulation::rechunk(lazy, chunks),
                Ok(eager.clone()),
                false,
            )
        }
    }
}

fn item(b: &mut Bytes) -> (IndexItem, IndexElem) {
    match b.below(6) {
        0 => (IndexItem::NewAxis, IndexElem::NewAxis),
        1 => (IndexItem::Ellipsis, IndexElem::Ellipsis),
        2 => {
            let i = b.small(8);
            (IndexItem::Int(i), IndexElem::Index(i as isize))
        }
        _ => {
            let bound = |b: &mut Bytes| (!b.u8().is_multiple_of(3)).then(|| b.small(8));
            let start = bound(b);
            let stop = bound(b);
            // Step 0 sometimes: both sides must refuse it.
            let step = if b.u8() == 0 {
                Some(0)
            } else {
                STEPS[b.below(STEPS.len())]
            };
            (
                IndexItem::Slice(start, stop, step),
                IndexElem::Slice {
                    start: start.map(|v| v as isize),
                    stop: stop.map(|v| v as isize),
                    step: step.unwrap_or(1) as isize,
                },
            )
        }
    }
}

/// Chunks tile the shape: one list per axis, summing to the axis length.
fn check_meta(a: &Array) {
    let m = a.meta();
    assert_eq!(m.chunks.len(), m.shape.len(), "one chunk list per axis");
    for (c, &d) in m.chunks.iter().zip(&m.shape) {
        assert_eq!(c.iter().sum::<usize>(), d, "chunks {c:?} do not tile {d}");
        assert!(!c.is_empty(), "an axis with no chunks");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn chains_decode_and_agree() {
        super::one(&[]);
        super::one(&[2, 5, 4, 2, 3, 0, 3, 4, 1, 2, 6, 2, 3, 1, 0, 2, 1]);
        super::one(&[3, 6, 6, 6, 5, 1, 2, 1, 2, 3, 0, 1, 2]);
    }
}
