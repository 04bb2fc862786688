//! Dependency structure of a [`TaskGraph`] as index arrays (compressed rows),
//! resolved from keys once and shared by the passes.

use super::error::GraphError;
use super::TaskGraph;

/// Node-index adjacency in both directions; one entry per key argument, so a task
/// using the same input twice has it twice.
#[derive(Debug, Clone, Default)]
pub struct Topology {
    dep_start: Vec<u32>,
    deps: Vec<u32>,
    user_start: Vec<u32>,
    users: Vec<u32>,
}

impl Topology {
    /// Resolve every key argument of `g` to a node index.
    pub fn of(g: &TaskGraph) -> Result<Self, GraphError> {
        let n = g.len();
        let mut dep_start = Vec::with_capacity(n + 1);
        let mut deps = Vec::with_capacity(n * 2);
        dep_start.push(0);
        for node in g.nodes() {
            for k in node.task.dependencies() {
                let Some(i) = g.index_of(k) else {
                    return Err(GraphError::MissingDependency {
                        task: node.key.to_string(),
                        dependency: k.to_string(),
                    });
                };
                deps.push(i);
            }
            dep_start.push(deps.len() as u32);
        }
        Ok(Self::from_deps(dep_start, deps))
    }

    /// Build from per-node input lists in compressed form (`dep_start` has one
    /// entry per node plus one); consumers are derived.
    pub(crate) fn from_deps(dep_start: Vec<u32>, deps: Vec<u32>) -> Self {
        let n = dep_start.len() - 1;
        let mut user_start = vec![0u32; n + 1];
        for &d in &deps {
            user_start[d as usize + 1] += 1;
        }
        for i in 0..n {
            user_start[i + 1] += user_start[i];
        }
        let mut fill = user_start.clone();
        let mut users = vec![0u32; deps.len()];
        for t in 0..n {
            for &d in &deps[dep_start[t] as usize..dep_start[t + 1] as usize] {
                users[fill[d as usize] as usize] = t as u32;
                fill[d as usize] += 1;
            }
        }
        Self {
            dep_start,
            deps,
            user_start,
            users,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.dep_start.len() - 1
    }

    /// Whether the graph is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Inputs of node `i` (argument order).
    pub fn deps(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.deps[self.dep_start[i] as usize..self.dep_start[i + 1] as usize]
    }

    /// Consumers of node `i` (ascending).
    pub fn users(&self, i: u32) -> &[u32] {
        let i = i as usize;
        &self.users[self.user_start[i] as usize..self.user_start[i + 1] as usize]
    }

    /// Total number of edges.
    pub fn num_edges(&self) -> usize {
        self.deps.len()
    }

    /// A topological order (inputs first), or the cycle error naming a node on it.
    pub fn topo_order(&self, g: &TaskGraph) -> Result<Vec<u32>, GraphError> {
        let n = self.len();
        let mut waiting: Vec<u32> = (0..n as u32).map(|i| self.deps(i).len() as u32).collect();
        let mut stack: Vec<u32> = (0..n as u32)
            .rev()
            .filter(|&i| waiting[i as usize] == 0)
            .collect();
        let mut order = Vec::with_capacity(n);
        while let Some(i) = stack.pop() {
            order.push(i);
            for &u in self.users(i).iter().rev() {
                waiting[u as usize] -= 1;
                if waiting[u as usize] == 0 {
                    stack.push(u);
                }
            }
        }
        if order.len() < n {
            let bad = (0..n).find(|&i| waiting[i] > 0).unwrap_or(0);
            return Err(GraphError::Cycle(g.nodes()[bad].key.to_string()));
        }
        Ok(order)
    }
}
