//! The halo plan of one axis of one extended block (see `overlap.rs`): which
//! neighbouring blocks it reads, which part of each, and how the window they
//! form is picked into the extended block (forwards, mirrored, repeated, or
//! constant at the ends).

use super::overlap::{Boundary, Depth};

/// A run of the extended axis and where its elements come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seg {
    /// `len` elements of `block` from `start` on.
    Copy {
        block: u32,
        start: usize,
        len: usize,
    },
    /// `len` elements of `block` from `last` backwards.
    Mirror { block: u32, last: usize, len: usize },
    /// Element `at` of `block`, `len` times.
    Repeat { block: u32, at: usize, len: usize },
    /// `len` constants.
    Const { len: usize },
}

impl Seg {
    fn len(&self) -> usize {
        match *self {
            Seg::Copy { len, .. }
            | Seg::Mirror { len, .. }
            | Seg::Repeat { len, .. }
            | Seg::Const { len } => len,
        }
    }
    /// The block read and the half-open range of it used.
    fn source(&self) -> Option<(u32, usize, usize)> {
        match *self {
            Seg::Copy { block, start, len } => Some((block, start, start + len)),
            Seg::Mirror { block, last, len } => Some((block, last + 1 - len, last + 1)),
            Seg::Repeat { block, at, .. } => Some((block, at, at + 1)),
            Seg::Const { .. } => None,
        }
    }
}

/// The runs making block `i` (of `chunks`) extended by `d` under `b`. Every
/// block is at least `d.max()` long (`ensure_minimum_chunksize`), so one
/// neighbour always suffices.
fn segments(chunks: &[usize], i: usize, d: Depth, b: Boundary) -> Vec<Seg> {
    let n = chunks.len();
    let last = n - 1;
    let (l, r) = (d.before, d.after);
    let mut segs = Vec::with_capacity(3);
    if l > 0 {
        let block = if i > 0 { i - 1 } else { last } as u32;
        let end = chunks[block as usize];
        segs.push(match (i > 0, b) {
            (true, _) | (false, Boundary::Periodic) => Seg::Copy {
                block,
                start: end - l,
                len: l,
            },
            (false, Boundary::Reflect) => Seg::Mirror {
                block: 0,
                last: l - 1,
                len: l,
            },
            (false, Boundary::Nearest) => Seg::Repeat {
                block: 0,
                at: 0,
                len: l,
            },
            (false, Boundary::Constant(_)) => Seg::Const { len: l },
            (false, Boundary::None) => Seg::Const { len: 0 },
        });
    }
    segs.push(Seg::Copy {
        block: i as u32,
        start: 0,
        len: chunks[i],
    });
    if r > 0 {
        let end = chunks[last];
        segs.push(match (i < last, b) {
            (true, _) => Seg::Copy {
                block: i as u32 + 1,
                start: 0,
                len: r,
            },
            (false, Boundary::Periodic) => Seg::Copy {
                block: 0,
                start: 0,
                len: r,
            },
            (false, Boundary::Reflect) => Seg::Mirror {
                block: last as u32,
                last: end - 1,
                len: r,
            },
            (false, Boundary::Nearest) => Seg::Repeat {
                block: last as u32,
                at: end - 1,
                len: r,
            },
            (false, Boundary::Constant(_)) => Seg::Const { len: r },
            (false, Boundary::None) => Seg::Const { len: 0 },
        });
    }
    segs.retain(|s| s.len() > 0);
    segs
}

/// The length of block `i` of `chunks` once extended.
pub fn extended_len(chunks: &[usize], i: usize, d: Depth, b: Boundary) -> usize {
    segments(chunks, i, d, b).iter().map(Seg::len).sum()
}

/// The part of one read block that goes into the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Block index along the axis.
    pub block: u32,
    /// First element used.
    pub start: usize,
    /// Elements used.
    pub len: usize,
}

/// One axis of an extended block: the pieces read (distinct blocks in
/// increasing order, each the hull of what is used of it) stitched into a
/// window, the window positions picked, and constants before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AxisWindow {
    /// The pieces, in window order.
    pub pieces: Vec<Piece>,
    /// Window position of each non-constant element of the extended axis.
    pub index: Vec<i64>,
    /// Constants before the picked elements.
    pub before_const: usize,
    /// Constants after them.
    pub after_const: usize,
}

impl AxisWindow {
    /// The window of block `i` of `chunks` extended by `d` under `b`.
    pub fn new(chunks: &[usize], i: usize, d: Depth, b: Boundary) -> AxisWindow {
        let segs = segments(chunks, i, d, b);
        let mut pieces: Vec<Piece> = Vec::new();
        for (block, lo, hi) in segs.iter().filter_map(Seg::source) {
            match pieces.iter_mut().find(|p| p.block == block) {
                Some(p) => {
                    let end = (p.start + p.len).max(hi);
                    p.start = p.start.min(lo);
                    p.len = end - p.start;
                }
                None => pieces.push(Piece {
                    block,
                    start: lo,
                    len: hi - lo,
                }),
            }
        }
        pieces.sort_by_key(|p| p.block);
        // Where each piece's first used element sits in the window.
        let at = |block: u32, pos: usize| -> i64 {
            let mut off = 0;
            for p in &pieces {
                if p.block == block {
                    return (off + pos - p.start) as i64;
                }
                off += p.len;
            }
            unreachable!("every source block has a piece")
        };
        let mut index = Vec::new();
        let (mut before_const, mut after_const) = (0, 0);
        for (k, s) in segs.iter().enumerate() {
            match *s {
                Seg::Copy { block, start, len } => {
                    index.extend((0..len).map(|t| at(block, start + t)));
                }
                Seg::Mirror { block, last, len } => {
                    index.extend((0..len).map(|t| at(block, last - t)));
                }
                Seg::Repeat { block, at: p, len } => {
                    index.extend(std::iter::repeat_n(at(block, p), len));
                }
                Seg::Const { len } if k == 0 => before_const = len,
                Seg::Const { len } => after_const = len,
            }
        }
        AxisWindow {
            pieces,
            index,
            before_const,
            after_const,
        }
    }

    /// Whether the window is already the picked elements in order.
    pub fn is_identity(&self) -> bool {
        let total: usize = self.pieces.iter().map(|p| p.len).sum();
        self.index.len() == total && self.index.iter().enumerate().all(|(k, &i)| i == k as i64)
    }
}
