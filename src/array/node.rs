//! The lazy array handle: an `Arc`'d expression node. Building a node is O(1)
//! in the number of blocks; per-block tasks exist only when lowered.

use super::meta::Meta;
use crate::chunk::{Chunk, ChunkError, ReduceOp};
use crate::graph::Tokenizer;
use crate::sched::Datum;
use std::sync::Arc;

/// Produces the blocks of a source array (ones, random, from an eager array, ...).
pub trait Source: Send + Sync {
    /// Operation name for keys and profiles (`ones`, `normal`, `array`).
    fn name(&self) -> &str;
    /// Compute block `idx` of an array described by `meta`.
    fn block(&self, meta: &Meta, idx: &[u32]) -> Result<Chunk, ChunkError>;
    /// Compute any rectangular region (global `offset`, `shape`), when the source
    /// can: lets a reduction stream a block tile by tile instead of materialising it.
    fn region(
        &self,
        _meta: &Meta,
        _offset: &[usize],
        _shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        None
    }
    /// A small region (global `offset`, `shape`) inside one block, read without
    /// making the whole block: what `x[0, 0]` needs. Defaults to `region`;
    /// stores whose reads decode whole chunks anyway but can stop early (or
    /// read a hyperslab) offer it without offering `region`.
    fn part(
        &self,
        meta: &Meta,
        offset: &[usize],
        shape: &[usize],
    ) -> Option<Result<Chunk, ChunkError>> {
        self.region(meta, offset, shape)
    }
}

/// A per-block function of aligned input blocks (elementwise ops, ufuncs, astype).
pub trait BlockKernel: Send + Sync {
    /// Operation name for keys and profiles (`add`, `sin`, `astype`).
    fn name(&self) -> &str;
    /// Compute one output block from the corresponding input blocks.
    fn run(&self, inputs: &[&Chunk]) -> Result<Chunk, ChunkError>;
    /// Whether each output element depends only on the input elements at the
    /// same (broadcast) position: such a kernel may run on any sub-region of a
    /// block, so a fused reduction can evaluate it tile by tile.
    fn elementwise(&self) -> bool {
        false
    }
}

/// Chooses, for each output block, which input blocks it reads and how it is
/// made from them: the general form behind concatenate, stack, dot, triangles
/// and histograms, where an output block may read any blocks of any input.
pub trait BlockPlan: Send + Sync {
    /// Operation name for keys and profiles (`concatenate`, `matmul`).
    fn name(&self) -> &str;
    /// The `(input number, block index)` pairs output block `idx` reads, in
    /// the order `run` receives them.
    fn reads(&self, idx: &[u32]) -> Vec<(usize, Vec<u32>)>;
    /// Compute output block `idx` from the blocks `reads(idx)` named.
    fn run(&self, idx: &[u32], inputs: &[&Chunk]) -> Result<Chunk, ChunkError>;
    /// `Some(k)` when output block `idx` is the `k`-th block `reads(idx)`
    /// names, unchanged: lowering then hands that block on without copying
    /// it and never calls `run` for it.
    fn pass_through(&self, _idx: &[u32]) -> Option<usize> {
        None
    }
}

/// One index along one axis of a basic slice.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisIndex {
    /// An integer: the axis disappears.
    At(usize),
    /// A normalised Python slice: the elements `start, start+step, …` (count of them).
    Range {
        /// First element.
        start: usize,
        /// Step (non-zero; negative walks backwards).
        step: isize,
        /// Number of elements selected.
        len: usize,
    },
    /// `None`: a new axis of length 1.
    NewAxis,
    /// `:` on an axis of unknown length (after a boolean mask): every block whole.
    All,
}

/// A tree reduction's parameters.
#[derive(Clone, Debug)]
pub struct Reduction {
    /// The input.
    pub input: Array,
    /// What to compute.
    pub op: ReduceOp,
    /// Reduced axes of the input (sorted).
    pub axes: Vec<usize>,
    /// Keep reduced axes with length 1.
    pub keepdims: bool,
    /// Fan-in of the combine tree.
    pub split_every: usize,
    /// Delta degrees of freedom (var/std).
    pub ddof: usize,
}

/// How a node's blocks are made.
#[derive(Clone)]
pub enum Op {
    /// Blocks come from a source.
    Source(Arc<dyn Source>),
    /// Each block is `kernel(input blocks)`; inputs are aligned: every input axis
    /// has the output's chunks or length 1 (broadcast).
    Map {
        /// The per-block function.
        kernel: Arc<dyn BlockKernel>,
        /// Inputs (right-aligned to the output's axes).
        inputs: Vec<Array>,
    },
    /// A tree reduction.
    Reduce(Box<Reduction>),
    /// Basic indexing (ints, slices with steps, new axes).
    Slice {
        /// The input.
        input: Array,
        /// One entry per input axis, plus new axes in output order.
        index: Vec<AxisIndex>,
    },
    /// Axis permutation.
    Transpose {
        /// The input.
        input: Array,
        /// Output axis `i` is input axis `perm[i]`.
        perm: Vec<usize>,
    },
    /// Same data, new block boundaries (`meta.chunks`).
    Rechunk {
        /// The input.
        input: Array,
    },
    /// Each block reads the input blocks a plan names (see [`BlockPlan`]).
    Plan {
        /// Which blocks each output block reads, and how it is computed.
        plan: Arc<dyn BlockPlan>,
        /// The inputs the plan's block references point into.
        inputs: Vec<Array>,
    },
    /// Already computed blocks (`persist()`), in C order of block indices.
    Blocks(Arc<Vec<Datum>>),
}

/// An expression node.
pub struct Node {
    /// Deterministic name: `prefix-token`, shared by all of this node's keys.
    pub name: Arc<str>,
    /// Shape, chunks, dtype.
    pub meta: Meta,
    /// How blocks are made.
    pub op: Op,
    /// Operations from the sources up to here (Dask's "graph layers").
    pub layers: usize,
}

/// A lazy n-d array: cheap to clone, shares its expression.
#[derive(Clone)]
pub struct Array(pub(crate) Arc<Node>);

impl std::fmt::Debug for Array {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Array({}, shape={:?}, chunks={:?}, {})",
            self.name(),
            self.meta().shape,
            self.meta().chunks,
            self.meta().dtype.name()
        )
    }
}

impl Array {
    /// Make a node. `token` must capture everything that determines the values.
    pub fn from_op(prefix: &str, token: &Tokenizer, meta: Meta, op: Op) -> Self {
        let layers = 1 + match &op {
            Op::Source(_) | Op::Blocks(_) => 0,
            Op::Map { inputs, .. } | Op::Plan { inputs, .. } => {
                inputs.iter().map(|a| a.0.layers).max().unwrap_or(0)
            }
            Op::Reduce(r) => r.input.0.layers,
            Op::Slice { input, .. } | Op::Transpose { input, .. } | Op::Rechunk { input } => {
                input.0.layers
            }
        };
        let mut t = token.clone();
        t.str(prefix).group(meta.shape.len());
        for &s in &meta.shape {
            t.u64(s as u64);
        }
        t.str(meta.dtype.name());
        for c in &meta.chunks {
            t.group(c.len());
            for &x in c {
                t.u64(x as u64);
            }
        }
        let name = t.finish().name(prefix);
        Array(Arc::new(Node {
            name,
            meta,
            op,
            layers,
        }))
    }

    /// The node's name (`ones-<token>`).
    pub fn name(&self) -> &Arc<str> {
        &self.0.name
    }

    /// Shape, chunks and dtype.
    pub fn meta(&self) -> &Meta {
        &self.0.meta
    }

    /// The operation.
    pub fn op(&self) -> &Op {
        &self.0.op
    }

    /// Number of graph layers (operations) in this expression.
    pub fn layers(&self) -> usize {
        self.0.layers
    }

    /// Direct inputs of this node.
    pub fn inputs(&self) -> Vec<Array> {
        match &self.0.op {
            Op::Source(_) | Op::Blocks(_) => Vec::new(),
            Op::Map { inputs, .. } | Op::Plan { inputs, .. } => inputs.clone(),
            Op::Reduce(r) => vec![r.input.clone()],
            Op::Slice { input, .. } | Op::Transpose { input, .. } | Op::Rechunk { input } => {
                vec![input.clone()]
            }
        }
    }
}
