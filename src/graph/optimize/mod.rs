//! Graph passes, one per file, all with the signature [`PassFn`], run as a named
//! [`Pipeline`] over a [`Work`] (the graph, the requested outputs and what the
//! passes found out).

pub mod cull;
pub mod fuse;
pub mod order;

use std::time::{Duration, Instant};

use super::error::GraphError;
use super::key::Key;
use super::topology::Topology;
use super::TaskGraph;

/// The common signature of every pass.
pub type PassFn = fn(&mut Work) -> Result<(), GraphError>;

/// Counts the passes report (for `visualize(optimize_graph=True)` captions, tests).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PassStats {
    /// Tasks removed by culling.
    pub culled: usize,
    /// Tasks absorbed into another task by fusion.
    pub fused: usize,
}

/// What one pass did and how long it took.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PassRecord {
    /// The pass name.
    pub name: &'static str,
    /// Tasks before.
    pub before: usize,
    /// Tasks after.
    pub after: usize,
    /// Time taken.
    pub elapsed: Duration,
}

/// A graph being optimized for some outputs.
pub struct Work {
    /// The current graph.
    pub graph: TaskGraph,
    /// The requested keys, in request order.
    pub outputs: Vec<Key>,
    /// Node indices in run (priority) order, once the order pass ran.
    pub order: Option<Vec<u32>>,
    /// Counts reported by the passes.
    pub stats: PassStats,
    /// One record per pass run.
    pub log: Vec<PassRecord>,
    topo: Option<Topology>,
    out_idx: Vec<u32>,
}

impl Work {
    /// Start optimizing `graph` for `outputs` (every output must be in the graph).
    pub fn new(graph: TaskGraph, outputs: Vec<Key>) -> Result<Self, GraphError> {
        let out_idx = outputs
            .iter()
            .map(|k| {
                graph
                    .index_of(k)
                    .ok_or_else(|| GraphError::UnknownOutput(k.to_string()))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            out_idx,
            graph,
            outputs,
            order: None,
            stats: PassStats::default(),
            log: Vec::new(),
            topo: None,
        })
    }

    /// Resolve the current graph's edges (cached until the graph is replaced).
    pub fn ensure_topology(&mut self) -> Result<(), GraphError> {
        if self.topo.is_none() {
            self.topo = Some(Topology::of(&self.graph)?);
        }
        Ok(())
    }

    /// The resolved edges; call [`Work::ensure_topology`] first.
    pub fn topo(&self) -> &Topology {
        self.topo.as_ref().expect("ensure_topology was called")
    }

    /// Install a rewritten graph (drops the cached edges and any order). Every
    /// output key must still be in it.
    pub fn replace_graph(&mut self, graph: TaskGraph) -> Result<(), GraphError> {
        self.out_idx = self
            .outputs
            .iter()
            .map(|k| {
                graph
                    .index_of(k)
                    .ok_or_else(|| GraphError::UnknownOutput(k.to_string()))
            })
            .collect::<Result<_, _>>()?;
        self.graph = graph;
        self.topo = None;
        self.order = None;
        Ok(())
    }

    /// Install a rewritten graph together with its edges, given `remap[old] =
    /// new index` for every surviving old node (no key is rehashed).
    pub(crate) fn replace_resolved(&mut self, graph: TaskGraph, topo: Topology, remap: &[u32]) {
        for o in &mut self.out_idx {
            *o = remap[*o as usize];
            debug_assert!(*o != u32::MAX, "outputs survive every pass");
        }
        self.graph = graph;
        self.topo = Some(topo);
        self.order = None;
    }

    /// Node indices of the outputs, in request order.
    pub fn output_indices(&self) -> &[u32] {
        &self.out_idx
    }
}

/// An ordered list of named passes.
#[derive(Clone)]
pub struct Pipeline {
    passes: Vec<(&'static str, PassFn)>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::standard()
    }
}

impl Pipeline {
    /// No passes (lowering then uses a plain topological order).
    pub fn empty() -> Self {
        Self { passes: Vec::new() }
    }

    /// cull → fuse → order: what `compute()` runs.
    pub fn standard() -> Self {
        Self::empty()
            .with("cull", cull::cull)
            .with("fuse", fuse::fuse)
            .with("order", order::order)
    }

    /// cull → order, for drawing a graph without fusing it.
    pub fn unfused() -> Self {
        Self::empty()
            .with("cull", cull::cull)
            .with("order", order::order)
    }

    /// Append a pass.
    pub fn with(mut self, name: &'static str, pass: PassFn) -> Self {
        self.passes.push((name, pass));
        self
    }

    /// The pass names in run order.
    pub fn names(&self) -> Vec<&'static str> {
        self.passes.iter().map(|p| p.0).collect()
    }

    /// Run every pass in order, logging each.
    pub fn run(&self, work: &mut Work) -> Result<(), GraphError> {
        for &(name, pass) in &self.passes {
            let before = work.graph.len();
            let t = Instant::now();
            pass(work)?;
            work.log.push(PassRecord {
                name,
                before,
                after: work.graph.len(),
                elapsed: t.elapsed(),
            });
        }
        Ok(())
    }
}
