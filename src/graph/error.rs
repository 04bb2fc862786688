//! Errors of the graph layer.

use crate::sched::PlanError;

/// A malformed task graph or request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// A task names an input key that no task in the graph produces.
    #[error("task {task} depends on {dependency}, which is not in the graph")]
    MissingDependency {
        /// The depending task's key.
        task: String,
        /// The missing key.
        dependency: String,
    },
    /// A requested output key is not in the graph.
    #[error("requested key {0} is not in the graph")]
    UnknownOutput(String),
    /// The graph has a cycle through this key.
    #[error("the task graph has a cycle through {0}")]
    Cycle(String),
    /// Lowering produced an invalid plan (a bug in a pass).
    #[error(transparent)]
    Plan(#[from] PlanError),
}
