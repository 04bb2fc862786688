//! Lowering: a keyed, optimized [`TaskGraph`] becomes the scheduler's [`Plan`]
//! (tasks in priority order, inputs as indices).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::error::GraphError;
use super::key::Key;
use super::optimize::{PassRecord, PassStats, Pipeline, Work};
use super::TaskGraph;
use crate::sched::{Computed, ExecOptions, Plan, PlanBuilder, SchedError, Scheduler, TaskId};

/// An executable plan plus the keys behind its task ids.
pub struct Lowered {
    /// What the scheduler runs.
    pub plan: Plan,
    /// Plan ids of the requested outputs, in request order.
    pub outputs: Vec<TaskId>,
    /// The key of every plan task (index = task id).
    pub keys: Arc<[Key]>,
    /// Counts reported by the passes.
    pub stats: PassStats,
    /// What each pass did.
    pub log: Vec<PassRecord>,
}

impl std::fmt::Debug for Lowered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lowered")
            .field("plan", &self.plan)
            .field("outputs", &self.outputs)
            .field("stats", &self.stats)
            .finish()
    }
}

impl Lowered {
    /// Run the plan, returning one value per requested output plus the profile.
    pub fn run(
        &self,
        scheduler: Scheduler,
        opts: &ExecOptions<'_>,
    ) -> Result<Computed, SchedError> {
        scheduler.run(&self.plan, &self.outputs, opts)
    }

    /// The key of plan task `t`.
    pub fn key(&self, t: TaskId) -> &Key {
        &self.keys[t as usize]
    }
}

/// Optimize `graph` for `outputs` with `pipeline`, then lower it.
pub fn compile(
    graph: TaskGraph,
    outputs: &[Key],
    pipeline: &Pipeline,
) -> Result<Lowered, GraphError> {
    let mut work = Work::new(graph, outputs.to_vec())?;
    pipeline.run(&mut work)?;
    lower(work)
}

/// Turn the (already optimized) work into a plan, in `work.order` if set, else a
/// plain topological order. Every task of the graph becomes a plan task.
pub fn lower(mut work: Work) -> Result<Lowered, GraphError> {
    work.ensure_topology()?;
    let topo = work.topo();
    let g = &work.graph;
    let order = match &work.order {
        Some(o) if o.len() == g.len() => o.clone(),
        _ => topo.topo_order(g)?,
    };
    let mut pos = vec![TaskId::MAX; g.len()];
    let mut b = PlanBuilder::with_capacity(g.len(), topo.num_edges());
    let mut name_ids: FxHashMap<*const u8, u32> = FxHashMap::default();
    let mut keys = Vec::with_capacity(g.len());
    let mut inputs: Vec<TaskId> = Vec::new();
    for &i in &order {
        let node = &g.nodes()[i as usize];
        let name = &node.task.name;
        // Names are shared Arcs, so the pointer is a cheap first-level cache.
        let name_id = match name_ids.get(&name.as_ptr()) {
            Some(&id) => id,
            None => {
                let id = b.intern(name);
                name_ids.insert(name.as_ptr(), id);
                id
            }
        };
        inputs.clear();
        inputs.extend(topo.deps(i).iter().map(|&d| pos[d as usize]));
        let t = b.push(node.task.plan_op(), name_id, &inputs, node.task.est_bytes)?;
        pos[i as usize] = t;
        keys.push(node.key.clone());
    }
    let keys: Arc<[Key]> = keys.into();
    let k2 = keys.clone();
    b.describe_with(Arc::new(move |t| k2[t as usize].to_string()));
    let outputs = work
        .output_indices()
        .iter()
        .map(|&i| pos[i as usize])
        .collect();
    Ok(Lowered {
        plan: b.build(),
        outputs,
        keys,
        stats: work.stats,
        log: work.log,
    })
}
