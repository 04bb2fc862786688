//! Errors of the display layer: inputs that cannot be drawn as given.

/// Why a display could not be rendered.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum DisplayError {
    /// A graph edge names a node index that does not exist.
    #[error("graph edge ({from}, {to}) refers to a missing node (graph has {nodes} nodes)")]
    BadEdge {
        /// Source node index.
        from: usize,
        /// Target node index.
        to: usize,
        /// Number of nodes in the graph.
        nodes: usize,
    },
    /// The graph has a cycle, so it cannot be drawn in layers.
    #[error("graph has a cycle through node {0}")]
    Cycle(usize),
}
