//! Fused reductions: the expression feeding a reduction is evaluated tile by
//! tile inside each of the reduction's first-stage tasks, so none of its
//! intermediate blocks is ever materialised. The fused expression may hold
//! sources that produce any region, elementwise kernels with broadcasting,
//! shared sub-expressions (`diff * diff`), basic slices (`x[:, None, :]`),
//! transposes and small inner reductions (`(d * d).sum(-1)` over a short
//! axis). Arrays outside it (persisted blocks, rechunks, big reductions) are
//! read block by block as the task's inputs, sliced tile by tile.
//!
//! A node joins the fused expression only when every consumer of it is inside
//! (so no work is duplicated), and an outside array only feeds elementwise
//! kernels whose blocks line up with the reduction's blocks.

use super::meta::Meta;
use super::node::{Array, AxisIndex, BlockKernel, Op, Source};
use super::stream::{tiled_partial, TILE_ELEMS};
use crate::chunk::{self, blocks, Chunk, ChunkError, Partial, ReduceOp};
use crate::sched::TaskError;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

/// The largest number of elements an inner reduction folds into each of its
/// outputs and still runs inside the tiles (`sum(-1)` over 3 coordinates).
const MAX_INNER_EXTENT: usize = 1024;

/// The smallest tile, however much inner reductions expand it.
const MIN_TILE_ELEMS: usize = 256;

/// How one fused node is computed from a region of its inputs.
enum Kind {
    /// Any region of a source, in global coordinates.
    Source(Arc<dyn Source>, Meta),
    /// Leaf `k`: the task's `k`-th input block, sliced.
    Leaf(usize),
    /// An elementwise kernel (inputs right-aligned, length-1 axes broadcast).
    Map(Arc<dyn BlockKernel>, Vec<usize>),
    /// Basic indexing with unit steps, integers and new axes.
    Slice(usize, Vec<AxisIndex>),
    /// Axis permutation.
    Transpose(usize, Vec<usize>),
    /// A reduction whose reduced axes are read whole for every tile.
    Reduce {
        input: usize,
        op: ReduceOp,
        axes: Vec<usize>,
        keepdims: bool,
        ddof: usize,
    },
}

/// One node of the fused expression.
struct FNode {
    kind: Kind,
    /// The node's global shape.
    shape: Vec<usize>,
    /// Read by more than one fused consumer: its tiles are memoised.
    shared: bool,
}

/// The expression fused into one reduction's first-stage tasks.
pub struct Fused {
    /// Root (the reduction's input) first, every input after its consumers.
    nodes: Vec<FNode>,
    /// Arrays outside the expression, read block by block (task inputs).
    pub leaves: Vec<Array>,
    /// Names of the nodes computed inside the tasks (not emitted on their own).
    pub absorbed: Vec<Arc<str>>,
    /// Operation label for profiles (`normal-sub-mul-sum-...`).
    pub label: String,
    /// Root elements per tile (smaller when inner reductions expand tiles).
    tile_elems: usize,
}

/// Whether `a` may be computed inside the tiles (given all its uses are).
fn fusable(a: &Array) -> bool {
    if a.meta().has_unknown() {
        return false;
    }
    match a.op() {
        Op::Source(src) => {
            let probe = vec![0; a.meta().ndim()];
            matches!(src.region(a.meta(), &probe, &probe), Some(Ok(_)))
        }
        Op::Map { kernel, .. } => kernel.elementwise(),
        Op::Slice { index, .. } => index.iter().all(|e| match e {
            AxisIndex::At(_) | AxisIndex::NewAxis => true,
            AxisIndex::Range { step, .. } => *step == 1,
            AxisIndex::All => false,
        }),
        Op::Transpose { .. } => true,
        Op::Reduce(r) => {
            let shape = &r.input.meta().shape;
            let extent: usize = r.axes.iter().map(|&ax| shape[ax]).product();
            extent <= MAX_INNER_EXTENT && !r.op.is_arg()
        }
        Op::Rechunk { .. } | Op::Plan { .. } | Op::Blocks(_) => false,
    }
}

/// The fused expression for a reduction over `root`, when `root` is used by
/// that reduction alone and can be fused. `uses` counts every node's consumers.
pub fn plan(root: &Array, uses: &HashMap<Arc<str>, usize>) -> Option<Fused> {
    if uses.get(root.name()).copied() != Some(1) || !fusable(root) {
        return None;
    }
    // Absorb a node once all its uses are by absorbed nodes: the order in
    // which nodes are absorbed puts every consumer before its inputs.
    let mut order: Vec<Array> = vec![root.clone()];
    let mut index: HashMap<Arc<str>, usize> = HashMap::from([(root.name().clone(), 0)]);
    let mut inner_uses: HashMap<Arc<str>, usize> = HashMap::new();
    // Whether every fused consumer of a node is an aligned elementwise kernel
    // (so its blocks line up with the root's).
    let mut aligned: HashMap<Arc<str>, bool> = HashMap::from([(root.name().clone(), true)]);
    let mut expand: HashMap<Arc<str>, usize> = HashMap::from([(root.name().clone(), 1)]);
    let mut leaves: Vec<Array> = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let a = order[i].clone();
        i += 1;
        let a_aligned = aligned[a.name()] && matches!(a.op(), Op::Map { .. });
        let a_expand = expand[a.name()]
            * match a.op() {
                Op::Reduce(r) => r.axes.iter().map(|&ax| r.input.meta().shape[ax]).product(),
                _ => 1,
            };
        for inp in a.inputs() {
            let n = inner_uses.entry(inp.name().clone()).or_default();
            *n += 1;
            let all_inside = *n == uses.get(inp.name()).copied().unwrap_or(0);
            *aligned.entry(inp.name().clone()).or_insert(true) &= a_aligned;
            let e = expand.entry(inp.name().clone()).or_insert(1);
            *e = (*e).max(a_expand);
            if all_inside && fusable(&inp) {
                index.insert(inp.name().clone(), order.len());
                order.push(inp);
            }
        }
    }
    // Inputs never absorbed are leaves: read as blocks, so they must line up.
    for a in &order {
        for inp in a.inputs() {
            if !index.contains_key(inp.name()) && !leaves.iter().any(|l| l.name() == inp.name()) {
                if !aligned[inp.name()] || inp.meta().has_unknown() {
                    return None;
                }
                leaves.push(inp);
            }
        }
    }
    let slot = |a: &Array| -> usize {
        index.get(a.name()).copied().unwrap_or_else(|| {
            order.len()
                + leaves
                    .iter()
                    .position(|l| l.name() == a.name())
                    .expect("a leaf")
        })
    };
    let mut nodes: Vec<FNode> = order
        .iter()
        .map(|a| {
            let kind = match a.op() {
                Op::Source(src) => Kind::Source(src.clone(), a.meta().clone()),
                Op::Map { kernel, inputs } => {
                    Kind::Map(kernel.clone(), inputs.iter().map(slot).collect())
                }
                Op::Slice { input, index } => Kind::Slice(slot(input), index.clone()),
                Op::Transpose { input, perm } => Kind::Transpose(slot(input), perm.clone()),
                Op::Reduce(r) => Kind::Reduce {
                    input: slot(&r.input),
                    op: r.op,
                    axes: r.axes.clone(),
                    keepdims: r.keepdims,
                    ddof: r.ddof,
                },
                Op::Rechunk { .. } | Op::Plan { .. } | Op::Blocks(_) => {
                    unreachable!("not fusable")
                }
            };
            FNode {
                kind,
                shape: a.meta().shape.clone(),
                shared: inner_uses.get(a.name()).copied().unwrap_or(0) > 1,
            }
        })
        .collect();
    nodes.extend(leaves.iter().enumerate().map(|(k, l)| FNode {
        kind: Kind::Leaf(k),
        shape: l.meta().shape.clone(),
        shared: inner_uses.get(l.name()).copied().unwrap_or(0) > 1,
    }));
    let max_expand = expand
        .iter()
        .filter(|(n, _)| index.contains_key(*n))
        .map(|(_, &e)| e)
        .max()
        .unwrap_or(1);
    Some(Fused {
        label: label(&order),
        absorbed: order.iter().map(|a| a.name().clone()).collect(),
        nodes,
        leaves,
        tile_elems: (TILE_ELEMS / max_expand.max(1)).max(MIN_TILE_ELEMS),
    })
}

/// `array-sub-mul-sum-...`: the fused operations, inputs first.
fn label(order: &[Array]) -> String {
    let parts: Vec<String> = order
        .iter()
        .rev()
        .map(|a| match a.op() {
            Op::Source(s) => s.name().to_string(),
            Op::Map { kernel, .. } => kernel.name().to_string(),
            Op::Slice { .. } => "getitem".into(),
            Op::Transpose { .. } => "transpose".into(),
            Op::Reduce(r) => r.op.name().to_string(),
            _ => "block".into(),
        })
        .collect();
    if parts.len() <= 6 {
        parts.join("-")
    } else {
        format!("{}-{}-…-{}", parts[0], parts[1], parts[parts.len() - 1])
    }
}

/// The task inputs of one root block: each leaf's block lined up with it.
pub struct LeafBlocks<'a> {
    /// The blocks, in the order of [`Fused::leaves`].
    pub blocks: Vec<&'a Chunk>,
    /// Each block's global offset.
    pub offsets: Vec<Vec<usize>>,
}

impl Fused {
    /// The index of `leaf`'s block feeding the root block `idx` (right-aligned;
    /// broadcast axes read block 0).
    pub fn leaf_block(&self, leaf: usize, idx: &[u32]) -> Vec<u32> {
        let shape = &self.leaves[leaf].meta().shape;
        let off = idx.len() - shape.len();
        shape
            .iter()
            .enumerate()
            .map(|(k, &n)| if n == 1 { 0 } else { idx[off + k] })
            .collect()
    }

    /// The partial reduction of the root block at `offset` (of `shape`),
    /// computed tile by tile.
    pub fn partial(
        &self,
        offset: &[usize],
        shape: &[usize],
        op: ReduceOp,
        axes: &[usize],
        leaves: &LeafBlocks<'_>,
    ) -> Result<Partial, TaskError> {
        let global = &self.nodes[0].shape;
        let tile = |off: &[usize], shp: &[usize]| -> Result<Chunk, ChunkError> {
            let mut memo = Memo::default();
            let c = self.eval(0, off, shp, leaves, &mut memo)?;
            drop(memo);
            Ok(Rc::try_unwrap(c).unwrap_or_else(|c| (*c).clone()))
        };
        tiled_partial(offset, shape, global, op, axes, self.tile_elems, tile)
    }

    /// Node `n` over the region `offset`/`shape` of its global coordinates.
    fn eval(
        &self,
        n: usize,
        offset: &[usize],
        shape: &[usize],
        leaves: &LeafBlocks<'_>,
        memo: &mut Memo,
    ) -> Result<Rc<Chunk>, ChunkError> {
        let node = &self.nodes[n];
        if node.shared {
            if let Some(c) = memo.get(n, offset, shape) {
                return Ok(c);
            }
        }
        let c = match &node.kind {
            Kind::Source(src, meta) => src.region(meta, offset, shape).unwrap_or_else(|| {
                Err(ChunkError::Value(
                    "internal error: source lost region support".into(),
                ))
            })?,
            Kind::Leaf(k) => {
                let at: Vec<usize> = offset
                    .iter()
                    .zip(&leaves.offsets[*k])
                    .map(|(o, b)| o - b)
                    .collect();
                let block = leaves.blocks[*k];
                if at.iter().all(|&a| a == 0) && block.shape() == shape {
                    block.clone()
                } else {
                    blocks::sub(block, &at, shape)?
                }
            }
            Kind::Map(kernel, inputs) => {
                let mut tiles = Vec::with_capacity(inputs.len());
                for &i in inputs {
                    let s = &self.nodes[i].shape;
                    let lead = offset.len() - s.len();
                    let (off, shp): (Vec<usize>, Vec<usize>) = s
                        .iter()
                        .enumerate()
                        .map(|(k, &len)| {
                            if len == 1 {
                                (0, 1)
                            } else {
                                (offset[lead + k], shape[lead + k])
                            }
                        })
                        .unzip();
                    tiles.push(self.eval(i, &off, &shp, leaves, memo)?);
                }
                let refs: Vec<&Chunk> = tiles.iter().map(|t| t.as_ref()).collect();
                kernel.run(&refs)?
            }
            Kind::Slice(input, index) => {
                let (mut off, mut shp) = (Vec::new(), Vec::new());
                let mut out_ax = 0;
                for e in index {
                    match e {
                        AxisIndex::At(i) => {
                            off.push(*i);
                            shp.push(1);
                        }
                        AxisIndex::Range { start, .. } => {
                            off.push(start + offset[out_ax]);
                            shp.push(shape[out_ax]);
                            out_ax += 1;
                        }
                        AxisIndex::NewAxis => out_ax += 1,
                        AxisIndex::All => {
                            return Err(ChunkError::Value(
                                "internal error: unknown axis in a fused slice".into(),
                            ))
                        }
                    }
                }
                let t = self.eval(*input, &off, &shp, leaves, memo)?;
                blocks::with_shape(Rc::unwrap_or_clone(t), shape)?
            }
            Kind::Transpose(input, perm) => {
                let mut off = vec![0; perm.len()];
                let mut shp = vec![0; perm.len()];
                for (i, &p) in perm.iter().enumerate() {
                    off[p] = offset[i];
                    shp[p] = shape[i];
                }
                let t = self.eval(*input, &off, &shp, leaves, memo)?;
                blocks::permute(&t, perm)?
            }
            Kind::Reduce {
                input,
                op,
                axes,
                keepdims,
                ddof,
            } => {
                let in_shape = &self.nodes[*input].shape;
                let (mut off, mut shp) = (Vec::new(), Vec::new());
                let mut out_ax = 0;
                for (ax, &len) in in_shape.iter().enumerate() {
                    if axes.contains(&ax) {
                        off.push(0);
                        shp.push(len);
                        out_ax += usize::from(*keepdims);
                    } else {
                        off.push(offset[out_ax]);
                        shp.push(shape[out_ax]);
                        out_ax += 1;
                    }
                }
                let t = self.eval(*input, &off, &shp, leaves, memo)?;
                let ax: Vec<isize> = axes.iter().map(|&a| a as isize).collect();
                chunk::reduce(&t, *op, Some(&ax), *keepdims, *ddof)?
            }
        };
        let c = Rc::new(c);
        if node.shared {
            memo.put(n, offset, shape, c.clone());
        }
        Ok(c)
    }
}

/// One memoised tile: node, region, value.
struct MemoEntry {
    node: usize,
    offset: Vec<usize>,
    shape: Vec<usize>,
    tile: Rc<Chunk>,
}

/// Tiles of shared nodes within one root tile, by node and region.
#[derive(Default)]
struct Memo(Vec<MemoEntry>);

impl Memo {
    fn get(&self, n: usize, offset: &[usize], shape: &[usize]) -> Option<Rc<Chunk>> {
        self.0
            .iter()
            .find(|e| e.node == n && e.offset == offset && e.shape == shape)
            .map(|e| e.tile.clone())
    }

    fn put(&mut self, n: usize, offset: &[usize], shape: &[usize], c: Rc<Chunk>) {
        self.0.push(MemoEntry {
            node: n,
            offset: offset.to_vec(),
            shape: shape.to_vec(),
            tile: c,
        });
    }
}
