//! Small slices read only what they select. `x[0, 0].compute()` on a zarr
//! array, or `(x * 10)[5, :3]` on a random one, would otherwise make the whole
//! block holding those elements (decode a 4 MB chunk, draw a million numbers)
//! and then keep four bytes of it. When the sliced array is a source, or an
//! elementwise chain over sources with no broadcasting, the slice's task
//! instead asks each source for just the bounding box of the selection and
//! runs the chain on that box.

use super::meta::Meta;
use super::node::{Array, BlockKernel, Op, Source};
use crate::chunk::blocks::{self, Sel};
use crate::chunk::{Chunk, ChunkError};
use std::sync::Arc;

/// The most nodes a pushed-down chain may hold (deeper chains take the
/// ordinary block path).
const MAX_NODES: usize = 32;

/// An expression that can be evaluated on any rectangular region.
pub(super) enum Part {
    /// A source that can produce a sub-region cheaply.
    Source(Arc<dyn Source>, Meta),
    /// An elementwise kernel over same-shaped inputs.
    Map(Arc<dyn BlockKernel>, Vec<Part>),
}

/// How `a` can be evaluated on a region, when it can.
pub(super) fn plan(a: &Array) -> Option<Part> {
    let mut budget = MAX_NODES;
    plan_within(a, &mut budget)
}

fn plan_within(a: &Array, budget: &mut usize) -> Option<Part> {
    *budget = budget.checked_sub(1)?;
    if a.meta().has_unknown() {
        return None;
    }
    match a.op() {
        Op::Source(src) => {
            let probe = vec![0; a.meta().ndim()];
            src.part(a.meta(), &probe, &probe)
                .is_some_and(|r| r.is_ok())
                .then(|| Part::Source(src.clone(), a.meta().clone()))
        }
        Op::Map { kernel, inputs } if kernel.elementwise() => {
            let shape = &a.meta().shape;
            let parts = inputs
                .iter()
                .map(|i| {
                    (i.meta().shape == *shape)
                        .then(|| plan_within(i, budget))
                        .flatten()
                })
                .collect::<Option<Vec<_>>>()?;
            Some(Part::Map(kernel.clone(), parts))
        }
        _ => None,
    }
}

impl Part {
    /// The region at global `offset` with `shape`.
    pub(super) fn eval(&self, offset: &[usize], shape: &[usize]) -> Result<Chunk, ChunkError> {
        match self {
            Part::Source(src, meta) => src
                .part(meta, offset, shape)
                .unwrap_or_else(|| Err(unsupported())),
            Part::Map(kernel, inputs) => {
                let chunks = inputs
                    .iter()
                    .map(|p| p.eval(offset, shape))
                    .collect::<Result<Vec<_>, _>>()?;
                let refs: Vec<&Chunk> = chunks.iter().collect();
                kernel.run(&refs)
            }
        }
    }
}

fn unsupported() -> ChunkError {
    ChunkError::Value("internal error: a source stopped producing regions".into())
}

/// The box a block-local selection touches, as (start, length) per axis of
/// the block, with the selection rebased to that box. `None` for selections
/// of unknown extent or that select nothing.
pub(super) fn bounding_box(
    sels: &[Sel],
    block_shape: &[usize],
) -> Option<(Vec<usize>, Vec<usize>, Vec<Sel>)> {
    let (mut lo, mut len, mut rebased) = (Vec::new(), Vec::new(), Vec::new());
    let mut axis = 0;
    for s in sels {
        match *s {
            Sel::NewAxis => {
                rebased.push(Sel::NewAxis);
                continue;
            }
            Sel::At(i) => {
                lo.push(i);
                len.push(1);
                rebased.push(Sel::At(0));
            }
            Sel::Range {
                start,
                step,
                len: n,
            } => {
                if n == 0 {
                    return None;
                }
                let last = start as isize + (n as isize - 1) * step;
                let (first, end) = if step > 0 {
                    (start, last as usize + 1)
                } else {
                    (last as usize, start + 1)
                };
                lo.push(first);
                len.push(end - first);
                rebased.push(Sel::Range {
                    start: start - first,
                    step,
                    len: n,
                });
            }
            Sel::All => {
                lo.push(0);
                len.push(*block_shape.get(axis)?);
                rebased.push(Sel::All);
            }
        }
        axis += 1;
    }
    (axis == block_shape.len()).then_some((lo, len, rebased))
}

/// Select `sels` from `part`'s block at global `block_offset` (with
/// `block_shape`) by reading only the selection's bounding box; `None` when
/// the box is not much smaller than the block, so reading the block (which
/// other tasks may share) is as cheap.
pub(super) fn select_task(
    part: &Arc<Part>,
    block_offset: &[usize],
    block_shape: &[usize],
    sels: &[Sel],
) -> Option<impl Fn() -> Result<Chunk, ChunkError> + Send + Sync + 'static> {
    let (lo, len, rebased) = bounding_box(sels, block_shape)?;
    let block: usize = block_shape.iter().product();
    let boxed: usize = len.iter().product();
    if boxed.saturating_mul(4) > block {
        return None;
    }
    let offset: Vec<usize> = block_offset.iter().zip(&lo).map(|(o, l)| o + l).collect();
    let part = part.clone();
    Some(move || blocks::select(&part.eval(&offset, &len)?, &rebased))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_cover_exactly_the_selection() {
        let sels = [
            Sel::At(3),
            Sel::Range {
                start: 9,
                step: -3,
                len: 3,
            },
            Sel::NewAxis,
            Sel::Range {
                start: 2,
                step: 2,
                len: 2,
            },
        ];
        let (lo, len, rebased) = bounding_box(&sels, &[10, 10, 10]).unwrap();
        assert_eq!(lo, vec![3, 3, 2]);
        assert_eq!(len, vec![1, 7, 3]);
        assert!(matches!(
            rebased[1],
            Sel::Range {
                start: 6,
                step: -3,
                len: 3
            }
        ));
        assert!(matches!(rebased[2], Sel::NewAxis));
        let empty = [Sel::Range {
            start: 0,
            step: 1,
            len: 0,
        }];
        assert!(bounding_box(&empty, &[5]).is_none());
        assert!(bounding_box(&[Sel::All], &[4, 4]).is_none());
    }
}
