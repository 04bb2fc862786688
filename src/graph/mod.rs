//! Task graphs: keys, tasks, cull / fuse / order, and lowering into the
//! scheduler's [`crate::sched::Plan`]. Knows nothing of arrays or Python.
//! See `README.md` beside this file for the layering choice.

pub mod datum;
pub mod error;
pub mod key;
pub mod layers;
pub mod lower;
pub mod optimize;
pub mod task;
pub mod tokenize;
pub mod topology;

#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap;

pub use datum::{datum, Datum, TaskError};
pub use error::GraphError;
pub use key::{key_prefix, Key};
pub use lower::{compile, lower, Lowered};
pub use optimize::{Pipeline, Work};
pub use task::{task_fn, Input, Task, TaskFn};
pub use tokenize::{tokenize, Token, Tokenize, Tokenizer};
pub use topology::Topology;

/// A keyed task plus its position in the graph.
#[derive(Clone, Debug)]
pub struct Node {
    /// The key of the task's result.
    pub key: Key,
    /// The work.
    pub task: Task,
}

/// A set of keyed tasks (the low-level graph): a vector of nodes in insertion
/// order plus a key → index map. Plain vectors beat a general graph library
/// here: edges are resolved once into a [`Topology`] of index arrays.
#[derive(Clone, Default, Debug)]
pub struct TaskGraph {
    nodes: Vec<Node>,
    index: FxHashMap<Key, u32>,
}

impl TaskGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph with room for `n` tasks.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            nodes: Vec::with_capacity(n),
            index: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    /// Number of tasks.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether there are no tasks.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Add a task. An existing task with the same key is kept (equal keys mean
    /// identical work); returns whether the task was new.
    pub fn insert(&mut self, key: Key, task: Task) -> bool {
        if self.index.contains_key(&key) {
            return false;
        }
        self.index.insert(key.clone(), self.nodes.len() as u32);
        self.nodes.push(Node { key, task });
        true
    }

    /// Add every task of `other` (shared keys collapse into one task).
    pub fn merge(&mut self, other: TaskGraph) {
        self.nodes.reserve(other.len());
        for node in other.nodes {
            self.insert(node.key, node.task);
        }
    }

    /// The task producing `key`.
    pub fn get(&self, key: &Key) -> Option<&Task> {
        self.index_of(key).map(|i| &self.nodes[i as usize].task)
    }

    /// Whether `key` is produced by some task.
    pub fn contains(&self, key: &Key) -> bool {
        self.index.contains_key(key)
    }

    /// Position of `key` in [`TaskGraph::nodes`].
    pub fn index_of(&self, key: &Key) -> Option<u32> {
        self.index.get(key).copied()
    }

    /// All tasks in insertion order.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// All keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.nodes.iter().map(|n| &n.key)
    }

    /// Keys nobody depends on (the natural outputs), in insertion order.
    pub fn sinks(&self) -> Result<Vec<Key>, GraphError> {
        let topo = Topology::of(self)?;
        Ok((0..self.len() as u32)
            .filter(|&i| topo.users(i).is_empty())
            .map(|i| self.nodes[i as usize].key.clone())
            .collect())
    }

    /// Take the nodes out (passes that rebuild the graph).
    pub fn into_nodes(self) -> Vec<Node> {
        self.nodes
    }

    /// Build a graph from nodes (later duplicates of a key are dropped).
    pub fn from_nodes(nodes: Vec<Node>) -> Self {
        let mut g = Self::with_capacity(nodes.len());
        for n in nodes {
            g.insert(n.key, n.task);
        }
        g
    }
}
