//! Counter-based random numbers: every element's value is a pure function of
//! (seed, stream, global C-order flat index), so a block of a chunked array gets
//! the same values whatever the chunking or thread count. The main words come
//! from SplitMix64's output function on the counter line (two multiplies per
//! word, vectorised); the rare extra words of rejection steps from Philox4x32-10.

use super::error::{ChunkError, Result};
use super::kernel::{check_alloc, PAR_THRESHOLD};
use super::ziggurat::{normal_fast_path, normal_from};
use super::{Chunk, DType, Elem};
use ndarray::{ArrayD, IxDyn};
use rayon::prelude::*;
use std::mem::MaybeUninit;

const M0: u64 = 0xD251_1F53;
const M1: u64 = 0xCD9E_8D57;
const W0: u32 = 0x9E37_79B9;
const W1: u32 = 0xBB67_AE85;

/// Philox4x32 with 10 rounds: 128 random bits for a 128-bit counter and a
/// 64-bit key (Salmon et al., SC'11).
#[inline(always)]
pub fn philox4x32_10(ctr: [u32; 4], key: [u32; 2]) -> [u32; 4] {
    let [mut c0, mut c1, mut c2, mut c3] = ctr;
    let [mut k0, mut k1] = key;
    for _ in 0..10 {
        let p0 = M0 * c0 as u64;
        let p1 = M1 * c2 as u64;
        let n0 = ((p1 >> 32) as u32) ^ c1 ^ k0;
        let n2 = ((p0 >> 32) as u32) ^ c3 ^ k1;
        c0 = n0;
        c1 = p1 as u32;
        c2 = n2;
        c3 = p0 as u32;
        k0 = k0.wrapping_add(W0);
        k1 = k1.wrapping_add(W1);
    }
    [c0, c1, c2, c3]
}

/// SplitMix64's finaliser, used to spread user seeds over the key space.
/// SplitMix64's increment (2^64 / φ, odd).
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijective 64-bit mixer.
#[inline(always)]
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Where a block sits inside the whole (global) array.
#[derive(Debug, Clone, Copy)]
pub struct BlockSpec<'a> {
    /// Shape of the whole array.
    pub global_shape: &'a [usize],
    /// Index of the block's first element along each axis.
    pub offset: &'a [usize],
    /// Shape of the block.
    pub shape: &'a [usize],
}

impl<'a> BlockSpec<'a> {
    /// The whole array as one block.
    pub fn whole(shape: &'a [usize]) -> BlockSpec<'a> {
        BlockSpec {
            global_shape: shape,
            offset: &ZEROS[..shape.len().min(ZEROS.len())],
            shape,
        }
    }

    fn validate(&self) -> Result<()> {
        let n = self.global_shape.len();
        if self.offset.len() != n || self.shape.len() != n {
            return Err(ChunkError::Shape(
                "block and array have different ndim".into(),
            ));
        }
        for i in 0..n {
            if self.offset[i] + self.shape[i] > self.global_shape[i] {
                return Err(ChunkError::Shape(format!(
                    "block [{}, {}) exceeds axis {} of length {}",
                    self.offset[i],
                    self.offset[i] + self.shape[i],
                    i,
                    self.global_shape[i]
                )));
            }
        }
        Ok(())
    }
}

static ZEROS: [usize; 32] = [0; 32];

/// Counters per vectorised Philox batch.
const BATCH: usize = 8;

/// A seeded counter-based generator; `stream` separates arrays drawn from
/// the same seed (e.g. successive calls on one `default_rng`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CounterRng {
    key: [u32; 2],
    stream: u64,
}

impl CounterRng {
    /// Generator for `seed` and `stream`.
    pub fn new(seed: u64, stream: u64) -> CounterRng {
        let k = splitmix64(seed);
        CounterRng {
            key: [k as u32, (k >> 32) as u32],
            stream,
        }
    }

    /// The two 64-bit words of counter `i`: the SplitMix64 output function of
    /// `key + n·γ` for n = 2i and 2i + 1 (a counter-based generator: any element
    /// is computed directly from its position; SplitMix64 passes BigCrush).
    #[inline(always)]
    fn words(&self, i: u64) -> (u64, u64) {
        let base = self.base();
        let n = i.wrapping_mul(2);
        (
            mix64(base.wrapping_add(n.wrapping_mul(GOLDEN))),
            mix64(base.wrapping_add(n.wrapping_add(1).wrapping_mul(GOLDEN))),
        )
    }

    /// The stream's starting point on the counter line.
    #[inline(always)]
    fn base(&self) -> u64 {
        let key = self.key[0] as u64 | (self.key[1] as u64) << 32;
        key ^ mix64(self.stream.wrapping_add(0x6A09_E667_F3BC_C909))
    }

    /// Words of BATCH consecutive counters from `i0`, lane-parallel (two
    /// 64-bit multiplies per word: vectorises to AVX-512/AVX2 lanes).
    #[inline(always)]
    #[allow(clippy::needless_range_loop)] // indexed lanes are what the vectoriser wants
    fn words_batch(&self, i0: u64) -> [[u64; BATCH]; 2] {
        let base = self.base();
        let mut out = [[0u64; BATCH]; 2];
        for k in 0..BATCH {
            let n = (i0 + k as u64).wrapping_mul(2);
            out[0][k] = mix64(base.wrapping_add(n.wrapping_mul(GOLDEN)));
            out[1][k] = mix64(base.wrapping_add(n.wrapping_add(1).wrapping_mul(GOLDEN)));
        }
        out
    }

    /// Extra words for element `g`'s rejection steps (a separate counter
    /// domain: the stream's top bit set plus an attempt number).
    fn extra_words(&self, g: u64) -> impl FnMut() -> u64 + '_ {
        let mut attempt = 0u32;
        let mut pending: Option<u64> = None;
        move || {
            if let Some(w) = pending.take() {
                return w;
            }
            attempt += 1;
            let hi = ((self.stream >> 32) as u32) ^ (0x8000_0000 | attempt);
            let r = philox4x32_10(
                [g as u32, (g >> 32) as u32, self.stream as u32, hi],
                self.key,
            );
            pending = Some(r[2] as u64 | (r[3] as u64) << 32);
            r[0] as u64 | (r[1] as u64) << 32
        }
    }

    /// Fill a block: element with global flat index g takes the first (even g)
    /// or second (odd g) output of `f(words(g / 2))`.
    fn fill<T, F>(&self, block: &BlockSpec<'_>, dtype: DType, f: F) -> Result<ArrayD<T>>
    where
        T: Copy + Send + Sync + Default,
        F: Fn(u64, u64, u64) -> (T, T) + Sync + Send,
    {
        let batch = |i0: u64, words: &[[u64; BATCH]; 2], out: &mut [T]| {
            for k in 0..BATCH {
                let (x, y) = f(i0 + k as u64, words[0][k], words[1][k]);
                out[2 * k] = x;
                out[2 * k + 1] = y;
            }
        };
        self.fill_batched(block, dtype, &f, batch)
    }

    /// [`fill`](Self::fill) with whole batches of `BATCH` counters (from
    /// counter `i0`, into `2 * BATCH` outputs) made by `batch`, which must
    /// give what `f` gives counter by counter: a distribution can then take
    /// a branch-free path the compiler vectorises.
    fn fill_batched<T, F, B>(
        &self,
        block: &BlockSpec<'_>,
        dtype: DType,
        f: &F,
        batch: B,
    ) -> Result<ArrayD<T>>
    where
        T: Copy + Send + Sync + Default,
        F: Fn(u64, u64, u64) -> (T, T) + Sync + Send,
        B: Fn(u64, &[[u64; BATCH]; 2], &mut [T]) + Sync + Send,
    {
        block.validate()?;
        let n = check_alloc(block.shape, dtype)?;
        let nd = block.shape.len();
        let row = if nd == 0 { 1 } else { block.shape[nd - 1] };
        // Written once, element by element, without zeroing first (a memset
        // of every tile was a few per cent of a generator-bound reduction).
        let mut out: Vec<T> = Vec::with_capacity(n);
        if n == 0 {
            return Ok(ArrayD::from_shape_vec(IxDyn(block.shape), out).expect("shape"));
        }
        let row_start = |r: usize| -> u64 {
            // global flat index of the first element of block row r
            let mut rem = r;
            let mut idx = vec![0usize; nd];
            for k in (0..nd.saturating_sub(1)).rev() {
                idx[k] = rem % block.shape[k];
                rem /= block.shape[k];
            }
            let mut g = 0u64;
            // idx[nd - 1] stays 0: the row starts at the block's first column
            for (k, &local) in idx.iter().enumerate() {
                g = g * block.global_shape[k] as u64 + (local + block.offset[k]) as u64;
            }
            g
        };
        // Writes every element of its row: the odd first one, whole batches,
        // pairs, then the odd last one.
        let fill_row = |r: usize, s: &mut [MaybeUninit<T>]| {
            let mut g = row_start(r);
            let end = g + s.len() as u64;
            let mut j = 0;
            if g % 2 == 1 {
                let (a, b) = self.words(g / 2);
                s[0].write(f(g / 2, a, b).1);
                g += 1;
                j = 1;
            }
            // whole batches of BATCH counters (2 * BATCH elements)
            let mut buf = [T::default(); 2 * BATCH];
            while g + 2 * BATCH as u64 <= end {
                let words = self.words_batch(g / 2);
                batch(g / 2, &words, &mut buf);
                for (d, &v) in s[j..j + 2 * BATCH].iter_mut().zip(&buf) {
                    d.write(v);
                }
                g += 2 * BATCH as u64;
                j += 2 * BATCH;
            }
            while g + 1 < end {
                let (a, b) = self.words(g / 2);
                let (x, y) = f(g / 2, a, b);
                s[j].write(x);
                s[j + 1].write(y);
                g += 2;
                j += 2;
            }
            if g < end {
                let (a, b) = self.words(g / 2);
                s[j].write(f(g / 2, a, b).0);
            }
        };
        let spare = &mut out.spare_capacity_mut()[..n];
        if n >= PAR_THRESHOLD {
            let rows_per_task = (PAR_THRESHOLD / row.max(1)).max(1);
            spare
                .par_chunks_mut(row * rows_per_task)
                .enumerate()
                .for_each(|(t, s)| {
                    for (k, rs) in s.chunks_mut(row).enumerate() {
                        fill_row(t * rows_per_task + k, rs);
                    }
                });
        } else {
            for (r, s) in spare.chunks_mut(row).enumerate() {
                fill_row(r, s);
            }
        }
        // SAFETY: the rows of `row` elements tile all n slots, and `fill_row`
        // wrote every slot of its row (T is Copy: nothing to drop on a panic).
        unsafe { out.set_len(n) };
        Ok(ArrayD::from_shape_vec(IxDyn(block.shape), out).expect("shape"))
    }

    /// Uniform float64 in [0, 1) (`random`), 53 random bits each.
    pub fn random(&self, block: &BlockSpec<'_>) -> Result<Chunk> {
        Ok(Chunk::F64(self.fill(
            block,
            DType::Float64,
            |_, a, b| (unit_f64(a), unit_f64(b)),
        )?))
    }

    /// Uniform float64 in [low, high) (`uniform`).
    pub fn uniform(&self, low: f64, high: f64, block: &BlockSpec<'_>) -> Result<Chunk> {
        let w = high - low;
        Ok(Chunk::F64(self.fill(
            block,
            DType::Float64,
            move |_, a, b| (low + w * unit_f64(a), low + w * unit_f64(b)),
        )?))
    }

    /// Standard normal float64 (Ziggurat; one 64-bit word per element).
    pub fn standard_normal(&self, block: &BlockSpec<'_>) -> Result<Chunk> {
        self.normal(0.0, 1.0, block)
    }

    /// Normal float64 with mean `loc` and standard deviation `scale`.
    pub fn normal(&self, loc: f64, scale: f64, block: &BlockSpec<'_>) -> Result<Chunk> {
        if scale < 0.0 || scale.is_nan() {
            return Err(ChunkError::Value("scale < 0".into()));
        }
        let pair = move |i: u64, a: u64, b: u64| {
            let x = normal_from(a, self.extra_words(2 * i));
            let y = normal_from(b, self.extra_words(2 * i + 1));
            (loc + scale * x, loc + scale * y)
        };
        // A whole batch: every word through the Ziggurat's fast path at once
        // (branch-free, vectorised); the ~1% rejected redone one by one.
        let normal_fast = normal_fast_path();
        let batch = move |i0: u64, words: &[[u64; BATCH]; 2], out: &mut [f64]| {
            let mut vals = [[0.0f64; BATCH]; 2];
            // Acceptance kept per word, so the redo pass (a third of batches
            // have a rejected word) only tests flags instead of redoing the
            // fast path for all 16 words.
            let mut accepted = [[true; BATCH]; 2];
            let mut all = true;
            for h in 0..2 {
                for k in 0..BATCH {
                    let (v, ok) = normal_fast(words[h][k]);
                    vals[h][k] = v;
                    accepted[h][k] = ok;
                    all &= ok;
                }
            }
            if !all {
                for h in 0..2 {
                    for k in 0..BATCH {
                        if !accepted[h][k] {
                            let g = 2 * (i0 + k as u64) + h as u64;
                            vals[h][k] = normal_from(words[h][k], self.extra_words(g));
                        }
                    }
                }
            }
            for k in 0..BATCH {
                out[2 * k] = loc + scale * vals[0][k];
                out[2 * k + 1] = loc + scale * vals[1][k];
            }
        };
        Ok(Chunk::F64(self.fill_batched(
            block,
            DType::Float64,
            &pair,
            batch,
        )?))
    }

    /// Integers uniform in [low, high) of `dtype` (`randint`).
    pub fn randint(
        &self,
        low: i64,
        high: i64,
        dtype: DType,
        block: &BlockSpec<'_>,
    ) -> Result<Chunk> {
        if high <= low {
            return Err(ChunkError::Value("low >= high".into()));
        }
        if !dtype.is_integer() && dtype != DType::Bool {
            return Err(ChunkError::DType(format!(
                "Unsupported dtype {dtype} for randint"
            )));
        }
        let fits = |v: i64| -> bool {
            let back: i64 = with_dtype!(dtype, T => T::from_i64(v).to_i64());
            back == v
        };
        if !fits(low) {
            return Err(ChunkError::Value(format!(
                "low is out of bounds for {dtype}"
            )));
        }
        if !fits(high - 1) {
            return Err(ChunkError::Value(format!(
                "high is out of bounds for {dtype}"
            )));
        }
        let range = high.wrapping_sub(low) as u64;
        let vals = if range <= u32::MAX as u64 {
            // The same `(w * range) >> 64` from 32 x 32-bit products, which
            // vectorise (AVX2 has no 64-bit high multiply): with w = hi·2^32 + lo,
            // w·range >> 64 == (hi·range + (lo·range >> 32)) >> 32, no overflow.
            let r = range as u32 as u64;
            let pick = move |w: u64| {
                let (hi, lo) = (w >> 32, w & 0xFFFF_FFFF);
                low.wrapping_add(((hi * r + ((lo * r) >> 32)) >> 32) as i64)
            };
            self.fill(block, DType::Int64, move |_, a, b| (pick(a), pick(b)))?
        } else {
            let pick = move |w: u64| low.wrapping_add(((w as u128 * range as u128) >> 64) as i64);
            self.fill(block, DType::Int64, move |_, a, b| (pick(a), pick(b)))?
        };
        if dtype == DType::Int64 {
            Ok(Chunk::I64(vals))
        } else {
            Chunk::I64(vals).astype(dtype)
        }
    }
}

/// 53 high bits of `w` as a float in [0, 1).
#[inline(always)]
fn unit_f64(w: u64) -> f64 {
    u53_to_f64(w >> 11) * (1.0 / 9_007_199_254_740_992.0)
}

/// `m as f64` for `m < 2^53`, exactly, by bit patterns alone: without
/// AVX-512 there is no vector u64 → f64 conversion, and this keeps the
/// generators' loops vectorised. `2^52 + x` for `x < 2^52` has `x` as its
/// mantissa, so `from_bits(x | bits(2^52)) - 2^52 == x`; `m` is split into
/// its top 52 bits and its last bit.
#[inline(always)]
pub(crate) fn u53_to_f64(m: u64) -> f64 {
    const TWO52_BITS: u64 = 0x4330_0000_0000_0000;
    const TWO52: f64 = 4_503_599_627_370_496.0;
    let hi = f64::from_bits((m >> 1) | TWO52_BITS) - TWO52;
    let lo = f64::from_bits((m & 1) | TWO52_BITS) - TWO52;
    hi * 2.0 + lo
}

#[cfg(test)]
#[path = "random_tests.rs"]
mod tests;
