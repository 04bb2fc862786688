//! The executable plan: tasks in a topological (and priority) order, dependencies
//! as indices, consumers precomputed. `graph` lowers its keyed graph into this.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use super::datum::TaskFn;
use super::error::PlanError;

/// Index of a task inside a [`Plan`]; also its static priority (lower runs first).
pub type TaskId = u32;

/// Turns a task id into a human-readable key for error messages (set by the lowering).
pub type Describe = Arc<dyn Fn(TaskId) -> String + Send + Sync>;

/// A compact, immutable list of tasks ready to execute. Every task's inputs are
/// earlier tasks, so index order is both a valid run order and the priority.
pub struct Plan {
    ops: Vec<Arc<dyn TaskFn>>,
    op_ids: Vec<u32>,
    op_names: Vec<Arc<str>>,
    dep_start: Vec<u32>,
    deps: Vec<TaskId>,
    use_start: Vec<u32>,
    users: Vec<TaskId>,
    est_bytes: Vec<u64>,
    describe: Option<Describe>,
}

impl Plan {
    /// Number of tasks.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether the plan has no tasks.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The operation of task `t`.
    pub fn op(&self, t: TaskId) -> &Arc<dyn TaskFn> {
        &self.ops[t as usize]
    }

    /// The operation-name id of task `t` (index into [`Plan::op_names`]).
    pub fn op_id(&self, t: TaskId) -> u32 {
        self.op_ids[t as usize]
    }

    /// The operation name of task `t`.
    pub fn op_name(&self, t: TaskId) -> &Arc<str> {
        &self.op_names[self.op_ids[t as usize] as usize]
    }

    /// All distinct operation names.
    pub fn op_names(&self) -> &[Arc<str>] {
        &self.op_names
    }

    /// Inputs of task `t`, in the order its operation receives them.
    pub fn deps(&self, t: TaskId) -> &[TaskId] {
        let t = t as usize;
        &self.deps[self.dep_start[t] as usize..self.dep_start[t + 1] as usize]
    }

    /// Tasks that consume `t`'s result, ascending (one entry per edge).
    pub fn users(&self, t: TaskId) -> &[TaskId] {
        let t = t as usize;
        &self.users[self.use_start[t] as usize..self.use_start[t + 1] as usize]
    }

    /// Estimated size in bytes of task `t`'s result (0 = unknown); for memory tracking.
    pub fn est_bytes(&self, t: TaskId) -> u64 {
        self.est_bytes[t as usize]
    }

    /// Total number of dependency edges.
    pub fn num_edges(&self) -> usize {
        self.deps.len()
    }

    /// A readable name for task `t` (its key when the lowering provided one).
    pub fn describe(&self, t: TaskId) -> String {
        match &self.describe {
            Some(f) => f(t),
            None => format!("#{t}"),
        }
    }
}

impl fmt::Debug for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Plan")
            .field("tasks", &self.len())
            .field("edges", &self.num_edges())
            .field("ops", &self.op_names)
            .finish()
    }
}

/// Builds a [`Plan`] task by task; inputs must refer to tasks already pushed.
#[derive(Default)]
pub struct PlanBuilder {
    ops: Vec<Arc<dyn TaskFn>>,
    op_ids: Vec<u32>,
    op_names: Vec<Arc<str>>,
    name_ids: HashMap<Arc<str>, u32>,
    dep_start: Vec<u32>,
    deps: Vec<TaskId>,
    est_bytes: Vec<u64>,
    describe: Option<Describe>,
}

impl PlanBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::with_capacity(0, 0)
    }

    /// An empty builder with room for `tasks` tasks and `edges` dependency edges.
    pub fn with_capacity(tasks: usize, edges: usize) -> Self {
        let mut dep_start = Vec::with_capacity(tasks + 1);
        dep_start.push(0);
        Self {
            ops: Vec::with_capacity(tasks),
            op_ids: Vec::with_capacity(tasks),
            dep_start,
            deps: Vec::with_capacity(edges),
            est_bytes: Vec::with_capacity(tasks),
            ..Default::default()
        }
    }

    /// Intern an operation name, returning its id for [`PlanBuilder::push`].
    pub fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.name_ids.get(name) {
            return id;
        }
        let id = self.op_names.len() as u32;
        let name: Arc<str> = Arc::from(name);
        self.op_names.push(name.clone());
        self.name_ids.insert(name, id);
        id
    }

    /// Number of tasks pushed so far (the id the next task will get).
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// Whether nothing was pushed yet.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Append a task. `inputs` must all be ids of tasks pushed earlier.
    pub fn push(
        &mut self,
        op: Arc<dyn TaskFn>,
        op_name: u32,
        inputs: &[TaskId],
        est_bytes: u64,
    ) -> Result<TaskId, PlanError> {
        let id = self.ops.len() as TaskId;
        if op_name as usize >= self.op_names.len() {
            return Err(PlanError::UnknownOpName(op_name));
        }
        if let Some(&bad) = inputs.iter().find(|&&i| i >= id) {
            return Err(PlanError::NotTopological {
                task: id,
                input: bad,
            });
        }
        self.ops.push(op);
        self.op_ids.push(op_name);
        self.deps.extend_from_slice(inputs);
        self.dep_start.push(self.deps.len() as u32);
        self.est_bytes.push(est_bytes);
        Ok(id)
    }

    /// Set how task ids are shown in error messages (e.g. as graph keys).
    pub fn describe_with(&mut self, f: Describe) {
        self.describe = Some(f);
    }

    /// Finish: compute each task's consumers.
    pub fn build(self) -> Plan {
        let n = self.ops.len();
        let mut use_start = vec![0u32; n + 1];
        for &d in &self.deps {
            use_start[d as usize + 1] += 1;
        }
        for i in 0..n {
            use_start[i + 1] += use_start[i];
        }
        let mut fill = use_start.clone();
        let mut users = vec![0 as TaskId; self.deps.len()];
        for t in 0..n {
            for &d in &self.deps[self.dep_start[t] as usize..self.dep_start[t + 1] as usize] {
                let slot = &mut fill[d as usize];
                users[*slot as usize] = t as TaskId;
                *slot += 1;
            }
        }
        Plan {
            ops: self.ops,
            op_ids: self.op_ids,
            op_names: self.op_names,
            dep_start: self.dep_start,
            deps: self.deps,
            use_start,
            users,
            est_bytes: self.est_bytes,
            describe: self.describe,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sched::datum::{datum, task_fn};

    #[test]
    fn builder_rejects_forward_edges_and_computes_users() {
        let mut b = PlanBuilder::new();
        let n = b.intern("x");
        let op = task_fn(|_| Ok(datum(1u8)));
        let a = b.push(op.clone(), n, &[], 0).unwrap();
        assert_eq!(
            b.push(op.clone(), n, &[5], 0),
            Err(PlanError::NotTopological { task: 1, input: 5 })
        );
        let c = b.push(op.clone(), n, &[a, a], 0).unwrap();
        let d = b.push(op.clone(), n, &[a, c], 0).unwrap();
        assert_eq!(b.push(op, 9, &[], 0), Err(PlanError::UnknownOpName(9)));
        let p = b.build();
        assert_eq!(p.len(), 3);
        assert_eq!(p.users(a), &[c, c, d]);
        assert_eq!(p.users(c), &[d]);
        assert_eq!(p.deps(d), &[a, c]);
        assert!(p.users(d).is_empty());
        assert_eq!(p.describe(d), "#2");
    }
}
