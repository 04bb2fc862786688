//! Fuzz entry points: each takes arbitrary bytes, drives one layer the way
//! hostile or random input would, and panics only when an invariant breaks.
//!
//! `fuzz/` wraps them as `cargo fuzz` targets (libFuzzer, nightly); the
//! `tests/fuzz_corpus.rs` integration test replays the kept corpora and a
//! stream of generated inputs through the same functions on stable, so CI runs
//! a short version of every fuzz campaign.

pub mod array_meta;
pub mod cell;
pub mod wire;

/// A little-endian reader over fuzz bytes that yields zeros when exhausted, so
/// every input decodes to some case.
pub struct Bytes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Bytes<'a> {
    /// Read from the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, pos: 0 }
    }

    /// The next byte (0 past the end).
    pub fn u8(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// A value in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            self.u8() as usize % n
        }
    }

    /// A small signed value in `-range..=range`.
    pub fn small(&mut self, range: i64) -> i64 {
        self.below((2 * range + 1) as usize) as i64 - range
    }

    /// Whether bytes remain.
    pub fn more(&self) -> bool {
        self.pos < self.data.len()
    }
}
