//! `compute()` and `persist()`: lower, optimise (cull, fuse, order), run on the
//! scheduler, and stitch blocks into eager results.

use super::error::ArrayError;
use super::lower::{as_chunk, block_keys, lower};
use super::node::{Array, Node, Op};
use crate::chunk::blocks;
use crate::chunk::{Chunk, ChunkError};
use crate::graph::{compile, GraphError, Key, Pipeline};
use crate::sched::{CancelToken, Datum, EventSink, ExecOptions, Profile, SchedError, Scheduler};
use std::sync::Arc;

/// Why a computation failed.
#[derive(Debug, thiserror::Error)]
pub enum ComputeError {
    /// Building or lowering the arrays failed.
    #[error(transparent)]
    Array(#[from] ArrayError),
    /// The graph could not be optimised or lowered.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// A task failed, panicked, or the run was interrupted.
    #[error(transparent)]
    Sched(#[from] SchedError),
    /// Assembling the result failed (e.g. it is too large).
    #[error(transparent)]
    Chunk(#[from] ChunkError),
}

/// How to run a computation.
pub struct ComputeOptions<'a> {
    /// Which executor.
    pub scheduler: Scheduler,
    /// The interrupt flag.
    pub cancel: CancelToken,
    /// Live progress, if wanted.
    pub events: Option<&'a dyn EventSink>,
    /// Graph optimisation (fusion off with `Pipeline::unfused()`).
    pub pipeline: Pipeline,
}

impl ComputeOptions<'_> {
    /// Threads with all cores, standard optimisation, a fresh cancel token.
    pub fn new(scheduler: Scheduler, cancel: CancelToken) -> Self {
        Self {
            scheduler,
            cancel,
            events: None,
            pipeline: Pipeline::standard(),
        }
    }
}

/// Run the graph of `arrays`; the blocks of each array, in C order.
pub fn compute_blocks(
    arrays: &[Array],
    opts: &ComputeOptions,
) -> Result<(Vec<Vec<Datum>>, Profile), ComputeError> {
    let graph = lower(arrays)?;
    let per_array: Vec<Vec<Key>> = arrays.iter().map(block_keys).collect();
    let all: Vec<Key> = per_array.iter().flatten().cloned().collect();
    let lowered = compile(graph, &all, &opts.pipeline)?;
    let mut exec = ExecOptions::new(opts.cancel.clone());
    if let Some(e) = opts.events {
        exec = exec.with_events(e);
    }
    let computed = opts.scheduler.run(&lowered.plan, &lowered.outputs, &exec)?;
    let mut values = computed.values.into_iter();
    let out = per_array
        .iter()
        .map(|keys| values.by_ref().take(keys.len()).collect())
        .collect();
    Ok((out, computed.profile))
}

/// Compute arrays into eager chunks (one per array).
pub fn compute(
    arrays: &[Array],
    opts: &ComputeOptions,
) -> Result<(Vec<Chunk>, Profile), ComputeError> {
    let (blocks_per_array, profile) = compute_blocks(arrays, opts)?;
    let mut out = Vec::with_capacity(arrays.len());
    for (a, blocks) in arrays.iter().zip(blocks_per_array) {
        let refs: Vec<&Chunk> = blocks
            .iter()
            .map(|d| as_chunk(d).map_err(|e| ChunkError::Value(e.to_string())))
            .collect::<Result<_, _>>()?;
        let grid = if a.meta().has_unknown() {
            actual_chunks(a.meta(), &refs)
        } else {
            a.meta().chunks.clone()
        };
        out.push(blocks::assemble(&refs, &grid, a.meta().dtype)?);
    }
    Ok((out, profile))
}

/// Block sizes read off computed blocks (C order), for arrays whose sizes
/// were unknown until now.
pub fn actual_chunks(meta: &super::Meta, blocks: &[&Chunk]) -> Vec<Vec<usize>> {
    let nb = meta.numblocks();
    (0..nb.len())
        .map(|ax| {
            // Blocks along `ax` with every other block index 0.
            let stride: usize = nb[ax + 1..].iter().product();
            (0..nb[ax])
                .map(|i| blocks.get(i * stride).map_or(0, |c| c.shape()[ax]))
                .collect()
        })
        .collect()
}

/// Compute the blocks and keep them: the same array (same name) backed by results.
pub fn persist(a: &Array, opts: &ComputeOptions) -> Result<Array, ComputeError> {
    let (mut blocks, _) = compute_blocks(std::slice::from_ref(a), opts)?;
    Ok(Array(Arc::new(Node {
        name: a.name().clone(),
        meta: a.meta().clone(),
        op: Op::Blocks(Arc::new(blocks.remove(0))),
        layers: 1,
    })))
}
