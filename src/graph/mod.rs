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

use std::collections::hash_map::Entry;
use std::sync::OnceLock;

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
/// here: edges are resolved once into a [`Topology`] of index arrays. The map
/// is built lazily, so passes that rewrite the graph (and carry the resolved
/// edges along) never pay for rehashing every key.
#[derive(Clone, Default, Debug)]
pub struct TaskGraph {
    nodes: Vec<Node>,
    index: OnceLock<FxHashMap<Key, u32>>,
}

impl TaskGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty graph with room for `n` tasks.
    pub fn with_capacity(n: usize) -> Self {
        let index = OnceLock::new();
        let _ = index.set(FxHashMap::with_capacity_and_hasher(n, Default::default()));
        Self {
            nodes: Vec::with_capacity(n),
            index,
        }
    }

    fn map(&self) -> &FxHashMap<Key, u32> {
        self.index.get_or_init(|| {
            let mut m = FxHashMap::with_capacity_and_hasher(self.nodes.len(), Default::default());
            for (i, n) in self.nodes.iter().enumerate() {
                m.entry(n.key.clone()).or_insert(i as u32);
            }
            m
        })
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
        self.map();
        let index = self.index.get_mut().expect("map built above");
        match index.entry(key) {
            Entry::Occupied(_) => false,
            Entry::Vacant(v) => {
                let key = v.key().clone();
                v.insert(self.nodes.len() as u32);
                self.nodes.push(Node { key, task });
                true
            }
        }
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
        self.map().contains_key(key)
    }

    /// Position of `key` in [`TaskGraph::nodes`].
    pub fn index_of(&self, key: &Key) -> Option<u32> {
        self.map().get(key).copied()
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

    /// Build a graph from nodes whose keys are known to be distinct (passes
    /// rewriting a graph); the key map is built only if someone looks a key up.
    pub(crate) fn from_unique_nodes(nodes: Vec<Node>) -> Self {
        Self {
            nodes,
            index: OnceLock::new(),
        }
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
