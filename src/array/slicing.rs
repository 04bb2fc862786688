//! Basic indexing of lazy arrays: integers, slices with any step, `None` and
//! `...`. Output chunks follow the input's: each input block contributes the
//! elements it holds (blocks with none are dropped), in slice order.

use super::error::ArrayError;
use super::meta::{Meta, UNKNOWN};
use super::node::{Array, AxisIndex, Op};
use crate::graph::Tokenizer;

/// One item of an index expression, as the dialect passes it.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexItem {
    /// An integer (negative counts from the end).
    Int(i64),
    /// `start:stop:step`, each optional.
    Slice(Option<i64>, Option<i64>, Option<i64>),
    /// `None` / `np.newaxis`.
    NewAxis,
    /// `...`.
    Ellipsis,
}

/// Python's `slice.indices(len)` followed by the element count.
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<(usize, isize, usize), ArrayError> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(ArrayError::Value("slice step cannot be zero".into()));
    }
    let n = len as i64;
    let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(x) if x < 0 => (x + n).max(lo),
            Some(x) => x.min(hi),
        }
    };
    let (start, stop) = if step > 0 {
        (clamp(start, 0, 0, n), clamp(stop, n, 0, n))
    } else {
        (clamp(start, n - 1, -1, n - 1), clamp(stop, -1, -1, n - 1))
    };
    let count = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop + (-step) - 1) / (-step)
    } else {
        0
    };
    Ok((start.max(0) as usize, step as isize, count as usize))
}

/// For one axis with input `chunks`, the selected elements of each input block:
/// `(input block, first local index, count)` in output order.
pub fn axis_plan(
    chunks: &[usize],
    start: usize,
    step: isize,
    len: usize,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    if len == 0 {
        return out;
    }
    let mut offsets = Vec::with_capacity(chunks.len());
    let mut acc = 0;
    for &c in chunks {
        offsets.push(acc);
        acc += c;
    }
    // Walk the selected indices block by block (O(blocks + 1) arithmetic).
    let mut k = 0usize; // elements emitted
    while k < len {
        let idx = (start as isize + k as isize * step) as usize;
        let b = match offsets.binary_search(&idx) {
            Ok(mut b) => {
                while b + 1 < chunks.len() && offsets[b + 1] == idx {
                    b += 1; // skip empty blocks
                }
                b
            }
            Err(b) => b - 1,
        };
        let (lo, hi) = (offsets[b], offsets[b] + chunks[b]);
        let remaining = len - k;
        let in_block = if step > 0 {
            ((hi - 1 - idx) as isize / step) as usize + 1
        } else {
            ((idx - lo) as isize / (-step)) as usize + 1
        };
        let n = in_block.min(remaining);
        out.push((b, idx - lo, n));
        k += n;
    }
    out
}

/// `a[index]` for basic indices.
pub fn getitem(a: &Array, index: &[IndexItem]) -> Result<Array, ArrayError> {
    let m = a.meta();
    let consumed = index
        .iter()
        .filter(|i| matches!(i, IndexItem::Int(_) | IndexItem::Slice(..)))
        .count();
    if index.iter().filter(|i| **i == IndexItem::Ellipsis).count() > 1 {
        return Err(ArrayError::Value(
            "an index can only have a single ellipsis ('...')".into(),
        ));
    }
    if consumed > m.ndim() {
        return Err(ArrayError::Index(format!(
            "too many indices for array: array is {}-dimensional, but {consumed} were indexed",
            m.ndim()
        )));
    }
    // Expand `...` (or pad at the end) with full slices.
    let mut items: Vec<IndexItem> = Vec::new();
    let fill = m.ndim() - consumed;
    let mut filled = false;
    for it in index {
        if *it == IndexItem::Ellipsis {
            items.extend(std::iter::repeat_n(
                IndexItem::Slice(None, None, None),
                fill,
            ));
            filled = true;
        } else {
            items.push(it.clone());
        }
    }
    if !filled {
        items.extend(std::iter::repeat_n(
            IndexItem::Slice(None, None, None),
            fill,
        ));
    }
    let mut axes = Vec::new();
    let (mut shape, mut chunks) = (Vec::new(), Vec::new());
    let mut ax = 0;
    let mut trivial = true;
    for it in &items {
        match *it {
            IndexItem::NewAxis => {
                axes.push(AxisIndex::NewAxis);
                shape.push(1);
                chunks.push(vec![1]);
                trivial = false;
            }
            // Axes of unknown length (after a mask) take only `:`, as in Dask.
            IndexItem::Slice(None, None, None) if m.shape[ax] == UNKNOWN => {
                shape.push(UNKNOWN);
                chunks.push(m.chunks[ax].clone());
                axes.push(AxisIndex::All);
                ax += 1;
            }
            IndexItem::Int(_) | IndexItem::Slice(..) if m.shape[ax] == UNKNOWN => {
                return Err(super::mask::unknown_message("slicing"));
            }
            IndexItem::Int(i) => {
                let n = m.shape[ax] as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(ArrayError::Index(format!(
                        "index {i} is out of bounds for axis {ax} with size {n}"
                    )));
                }
                axes.push(AxisIndex::At(j as usize));
                trivial = false;
                ax += 1;
            }
            IndexItem::Slice(s, e, st) => {
                let (start, step, len) = slice_indices(m.shape[ax], s, e, st)?;
                let plan = axis_plan(&m.chunks[ax], start, step, len);
                let c: Vec<usize> = if plan.is_empty() {
                    vec![0]
                } else {
                    plan.iter().map(|p| p.2).collect()
                };
                if !(start == 0 && step == 1 && len == m.shape[ax]) {
                    trivial = false;
                }
                shape.push(len);
                chunks.push(c);
                axes.push(AxisIndex::Range { start, step, len });
                ax += 1;
            }
            IndexItem::Ellipsis => unreachable!("expanded above"),
        }
    }
    if trivial {
        return Ok(a.clone());
    }
    let mut t = Tokenizer::new();
    t.str(a.name()).str(&format!("{axes:?}"));
    Ok(Array::from_op(
        "getitem",
        &t,
        Meta::new(shape, chunks, m.dtype),
        Op::Slice {
            input: a.clone(),
            index: axes,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_slice_indices() {
        assert_eq!(slice_indices(10, None, None, None).unwrap(), (0, 1, 10));
        assert_eq!(
            slice_indices(10, None, None, Some(-1)).unwrap(),
            (9, -1, 10)
        );
        assert_eq!(slice_indices(10, Some(-3), None, None).unwrap(), (7, 1, 3));
        assert_eq!(
            slice_indices(10, Some(8), Some(2), Some(-3)).unwrap(),
            (8, -3, 2)
        );
        assert_eq!(
            slice_indices(10, Some(5), Some(2), None).unwrap(),
            (5, 1, 0)
        );
        assert_eq!(
            slice_indices(10, None, None, Some(100)).unwrap(),
            (0, 100, 1)
        );
        assert!(slice_indices(10, None, None, Some(0)).is_err());
    }

    #[test]
    fn axis_plans_follow_blocks() {
        // 10 elements in blocks of 4: [0..4) [4..8) [8..10)
        assert_eq!(
            axis_plan(&[4, 4, 2], 0, 1, 10),
            vec![(0, 0, 4), (1, 0, 4), (2, 0, 2)]
        );
        assert_eq!(axis_plan(&[4, 4, 2], 1, 3, 3), vec![(0, 1, 1), (1, 0, 2)]);
        assert_eq!(
            axis_plan(&[4, 4, 2], 9, -1, 10),
            vec![(2, 1, 2), (1, 3, 4), (0, 3, 4)]
        );
        assert_eq!(
            axis_plan(&[4, 4, 2], 9, -4, 3),
            vec![(2, 1, 1), (1, 1, 1), (0, 1, 1)]
        );
    }
}
