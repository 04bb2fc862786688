//! Source arrays: filled (ones/zeros/full/empty), arange, random (counter-based,
//! so values do not depend on the chunking), and eager arrays wrapped lazily.

use super::chunks::{normalize, ChunkSpec};
use super::error::ArrayError;
use super::meta::Meta;
use super::node::{Array, Op, Source};
use crate::chunk::blocks;
use crate::chunk::{BlockSpec, Chunk, ChunkError, CounterRng, DType, Scalar};
use crate::graph::Tokenizer;
use crate::sched::CancelToken;
use std::sync::Arc;

struct Fill {
    name: &'static str,
    value: Scalar,
}

impl Source for Fill {
    fn name(&self) -> &str {
        self.name
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        Chunk::full(&meta.block_shape(idx), self.value, meta.dtype)
    }
    fn region(
        &self,
        meta: &Meta,
        _offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(Chunk::full(shape, self.value, meta.dtype))
    }
}

fn meta_for(shape: &[usize], chunks: &ChunkSpec, dtype: DType) -> Result<Meta, ArrayError> {
    let c = normalize(chunks, shape, dtype.itemsize())?;
    Ok(Meta::new(shape.to_vec(), c, dtype))
}

/// `ones`, `zeros`, `empty` (zeros) and `full`: every element `value`.
pub fn full(
    name: &'static str,
    shape: &[usize],
    value: Scalar,
    dtype: DType,
    chunks: &ChunkSpec,
) -> Result<Array, ArrayError> {
    let meta = meta_for(shape, chunks, dtype)?;
    let mut t = Tokenizer::new();
    t.str(&format!("{value:?}"));
    Ok(Array::from_op(
        name,
        &t,
        meta,
        Op::Source(Arc::new(Fill { name, value })),
    ))
}

struct Arange {
    start: f64,
    step: f64,
    /// `linspace(..., endpoint=True)`: the last element is exactly this.
    last: Option<f64>,
}

impl Arange {
    fn values(&self, meta: &Meta, off: usize, n: usize) -> Result<Chunk, ChunkError> {
        let len = meta.shape[0];
        let values: Vec<f64> = (0..n)
            .map(|i| match self.last {
                // linspace's endpoint is exactly `stop`, as in NumPy.
                Some(stop) if off + i + 1 == len => stop,
                _ => self.start + (off + i) as f64 * self.step,
            })
            .collect();
        Chunk::from_vec(values, &[n])?.astype(meta.dtype)
    }
}

impl Source for Arange {
    fn name(&self) -> &str {
        "arange"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        self.values(meta, meta.block_offset(idx)[0], meta.block_shape(idx)[0])
    }
    fn region(
        &self,
        meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(self.values(meta, offset[0], shape[0]))
    }
}

/// `arange(start, stop, step)` with NumPy's length rule.
pub fn arange(
    start: f64,
    stop: f64,
    step: f64,
    dtype: DType,
    chunks: &ChunkSpec,
) -> Result<Array, ArrayError> {
    if step == 0.0 {
        return Err(ArrayError::Value("Maximum allowed size exceeded".into()));
    }
    let n = ((stop - start) / step).ceil().max(0.0) as usize;
    let meta = meta_for(&[n], chunks, dtype)?;
    let mut t = Tokenizer::new();
    t.f64(start).f64(step);
    Ok(Array::from_op(
        "arange",
        &t,
        meta,
        Op::Source(Arc::new(Arange {
            start,
            step,
            last: None,
        })),
    ))
}

/// `linspace(start, stop, num, endpoint)` with NumPy's arithmetic
/// (`start + i * step`, the endpoint exactly `stop`).
pub fn linspace(
    start: f64,
    stop: f64,
    num: usize,
    endpoint: bool,
    dtype: DType,
    chunks: &ChunkSpec,
) -> Result<Array, ArrayError> {
    let div = if endpoint { num.saturating_sub(1) } else { num };
    let step = if div > 0 {
        (stop - start) / div as f64
    } else {
        stop - start
    };
    let meta = meta_for(&[num], chunks, dtype)?;
    let mut t = Tokenizer::new();
    t.f64(start).f64(stop).bool(endpoint);
    let last = (endpoint && num > 1).then_some(stop);
    Ok(Array::from_op(
        "linspace",
        &t,
        meta,
        Op::Source(Arc::new(Arange { start, step, last })),
    ))
}

/// Ones on the `k`-th diagonal of an `n × m` array (`eye`).
struct Eye {
    k: i64,
}

impl Eye {
    fn values(&self, meta: &Meta, off: &[usize], shape: &[usize]) -> Result<Chunk, ChunkError> {
        let n = shape.iter().product::<usize>();
        crate::chunk::check_alloc(shape, meta.dtype)?;
        let mut v = vec![0.0f64; n];
        for r in 0..shape[0] {
            let c = (off[0] + r) as i64 + self.k - off[1] as i64;
            if c >= 0 && (c as usize) < shape[1] {
                v[r * shape[1] + c as usize] = 1.0;
            }
        }
        Chunk::from_vec(v, shape)?.astype(meta.dtype)
    }
}

impl Source for Eye {
    fn name(&self) -> &str {
        "eye"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        self.values(meta, &meta.block_offset(idx), &meta.block_shape(idx))
    }
    fn region(
        &self,
        meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(self.values(meta, offset, shape))
    }
}

/// `eye(n, m, k)`: a lazy identity-like matrix.
pub fn eye(
    n: usize,
    m: usize,
    k: i64,
    dtype: DType,
    chunks: &ChunkSpec,
) -> Result<Array, ArrayError> {
    let meta = meta_for(&[n, m], chunks, dtype)?;
    let mut t = Tokenizer::new();
    t.u64(k as u64);
    Ok(Array::from_op(
        "eye",
        &t,
        meta,
        Op::Source(Arc::new(Eye { k })),
    ))
}

/// Which distribution a random source draws from.
#[derive(Clone, Copy, Debug)]
pub enum Distribution {
    /// Uniform on [0, 1).
    Random,
    /// Uniform on [low, high).
    Uniform(f64, f64),
    /// Normal(loc, scale).
    Normal(f64, f64),
    /// Integers in [low, high).
    RandInt(i64, i64),
}

struct RandomSource {
    rng: CounterRng,
    dist: Distribution,
}

impl Source for RandomSource {
    fn name(&self) -> &str {
        match self.dist {
            Distribution::Random => "random_sample",
            Distribution::Uniform(..) => "uniform",
            Distribution::Normal(..) => "normal",
            Distribution::RandInt(..) => "randint",
        }
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        let (offset, shape) = (meta.block_offset(idx), meta.block_shape(idx));
        banded(&offset, &shape, meta.dtype, |o, s| self.draw(meta, o, s))
    }
    fn region(
        &self,
        meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(self.draw(meta, offset, shape))
    }
}

impl RandomSource {
    /// The values of a region: they depend only on the seed and global positions.
    fn draw(&self, meta: &Meta, offset: &[usize], shape: &[usize]) -> Result<Chunk, ChunkError> {
        let spec = BlockSpec {
            global_shape: &meta.shape,
            offset,
            shape,
        };
        match self.dist {
            Distribution::Random => self.rng.random(&spec),
            Distribution::Uniform(lo, hi) => self.rng.uniform(lo, hi, &spec),
            Distribution::Normal(loc, scale) => self.rng.normal(loc, scale, &spec),
            Distribution::RandInt(lo, hi) => self.rng.randint(lo, hi, meta.dtype, &spec),
        }
    }
}

/// Elements per band (1 MiB of float64) when a big block is generated in bands.
const BAND: usize = 1 << 17;

/// Generate a block of `shape` at global `offset` with `draw`, in bands of about
/// [`BAND`] elements along the first axis when it is large, stopping between
/// bands on interrupt (a band is ~1 ms of work, a few ms in a debug build). `draw` must
/// give values that depend only on global positions, so banding changes nothing.
fn banded(
    offset: &[usize],
    shape: &[usize],
    dtype: DType,
    draw: impl Fn(&[usize], &[usize]) -> Result<Chunk, ChunkError>,
) -> Result<Chunk, ChunkError> {
    let n: usize = shape.iter().product();
    if shape.is_empty() || n <= BAND {
        return draw(offset, shape);
    }
    let row: usize = shape[1..].iter().product::<usize>().max(1);
    let rows = (BAND / row).max(1);
    let (mut at, mut part) = (offset.to_vec(), shape.to_vec());
    let mut r0 = 0;
    Chunk::from_row_bands(shape, dtype, || {
        if r0 >= shape[0] {
            return None;
        }
        if r0 > 0 && CancelToken::current_cancelled() {
            return Some(Err(ChunkError::Value("interrupted".into())));
        }
        part[0] = rows.min(shape[0] - r0);
        at[0] = offset[0] + r0;
        r0 += part[0];
        Some(draw(&at, &part))
    })
}

/// A random array; the values depend only on `seed` and element positions.
pub fn random(
    dist: Distribution,
    seed: u64,
    shape: &[usize],
    chunks: &ChunkSpec,
) -> Result<Array, ArrayError> {
    let dtype = match dist {
        Distribution::RandInt(lo, hi) => {
            if lo >= hi {
                return Err(ArrayError::Value(format!("low >= high ({lo} >= {hi})")));
            }
            DType::Int64
        }
        Distribution::Normal(_, s) if s < 0.0 => {
            return Err(ArrayError::Value("scale < 0".into()));
        }
        _ => DType::Float64,
    };
    let meta = meta_for(shape, chunks, dtype)?;
    let src = RandomSource {
        rng: CounterRng::new(seed, 0),
        dist,
    };
    let mut t = Tokenizer::new();
    t.u64(seed).str(&format!("{dist:?}"));
    let name = src.name().to_string();
    Ok(Array::from_op(&name, &t, meta, Op::Source(Arc::new(src))))
}

struct Eager(Arc<Chunk>);

impl Source for Eager {
    fn name(&self) -> &str {
        "array"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        blocks::sub(&self.0, &meta.block_offset(idx), &meta.block_shape(idx))
    }
    fn region(
        &self,
        _meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(blocks::sub(&self.0, offset, shape))
    }
}

/// Wrap an eager array (`from_array`); `token` identifies its contents.
pub fn from_chunk(c: Arc<Chunk>, chunks: &ChunkSpec, token: u64) -> Result<Array, ArrayError> {
    let meta = meta_for(c.shape(), chunks, c.dtype())?;
    let mut t = Tokenizer::new();
    t.u64(token);
    Ok(Array::from_op(
        "array",
        &t,
        meta,
        Op::Source(Arc::new(Eager(c))),
    ))
}

struct NpySource(Arc<crate::chunk::npy::NpyMap>);

impl Source for NpySource {
    fn name(&self) -> &str {
        "from-npy"
    }
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError> {
        self.0
            .region(&meta.block_offset(idx), &meta.block_shape(idx))
    }
    fn region(
        &self,
        _meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        Some(self.0.region(offset, shape))
    }
}

/// A lazy array over a memory-mapped `.npy` file: each task reads only its block.
/// The name's token is the path, size and modification time, so a rewritten file
/// is a different array.
pub fn from_npy(
    map: Arc<crate::chunk::npy::NpyMap>,
    chunks: &ChunkSpec,
) -> Result<Array, ArrayError> {
    let meta = meta_for(map.shape(), chunks, map.dtype())?;
    let t = file_token(map.path());
    Ok(Array::from_op(
        "from-npy",
        &t,
        meta,
        Op::Source(Arc::new(NpySource(map))),
    ))
}

/// Computes one whole array on demand (`da.from_delayed`): the caller supplies it.
pub type BlockFn = Arc<dyn Fn() -> Result<Chunk, ChunkError> + Send + Sync>;

struct FnSource(BlockFn);

impl Source for FnSource {
    fn name(&self) -> &str {
        "from-value"
    }
    fn block(&self, meta: &Meta, _idx: &[u32]) -> Result<Chunk, ChunkError> {
        let c = (self.0)()?;
        if c.shape() != meta.shape.as_slice() {
            let tuple = |s: &[usize]| match s {
                [n] => format!("({n},)"),
                _ => format!(
                    "({})",
                    s.iter()
                        .map(|n| n.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err(ChunkError::Shape(format!(
                "from_delayed: the value has shape {}, not the declared {}",
                tuple(c.shape()),
                tuple(&meta.shape)
            )));
        }
        c.astype(meta.dtype)
    }
}

/// A token naming a file's current contents (path, size, modification
/// time), so a source read from it gets a new name when the file changes.
pub(super) fn file_token(path: &std::path::Path) -> Tokenizer {
    let mut t = Tokenizer::new();
    t.str(&path.display().to_string());
    if let Ok(md) = std::fs::metadata(path) {
        t.u64(md.len());
        if let Ok(m) = md.modified() {
            t.u64(
                m.duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos() as u64),
            );
        }
    }
    t
}

/// A one-block lazy array whose block `f` computes (named by `token`).
pub fn from_fn(
    shape: &[usize],
    dtype: DType,
    f: BlockFn,
    token: &str,
) -> Result<Array, ArrayError> {
    let meta = meta_for(shape, &ChunkSpec::Full, dtype)?;
    let mut t = Tokenizer::new();
    t.str(token);
    Ok(Array::from_op(
        "from-value",
        &t,
        meta,
        Op::Source(Arc::new(FnSource(f))),
    ))
}
