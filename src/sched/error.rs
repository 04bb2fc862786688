//! Errors of the scheduling layer.

use std::sync::Arc;

use super::datum::TaskError;

/// Why a computation did not produce its outputs.
#[derive(Debug, thiserror::Error)]
pub enum SchedError {
    /// A task's operation returned an error; the run stopped starting new tasks.
    #[error("task {key} ({op}) failed: {source}")]
    TaskFailed {
        /// Display form of the failing task's key.
        key: String,
        /// The operation name of the failing task.
        op: Arc<str>,
        /// The error the operation returned (downcast it to get the original type).
        #[source]
        source: TaskError,
    },
    /// A task panicked; the panic was caught and the pool is still usable.
    #[error("task {key} ({op}) panicked: {message}")]
    Panicked {
        /// Display form of the panicking task's key.
        key: String,
        /// The operation name of the panicking task.
        op: Arc<str>,
        /// The panic payload, when it was a string.
        message: String,
    },
    /// The cancel token was set (kernel interrupt) before the run finished.
    #[error("computation cancelled")]
    Cancelled,
    /// The plan or the requested outputs are malformed.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// The scheduler's own bookkeeping found an impossible state (a bug in
    /// Tessera); the run stops with this instead of panicking or hanging.
    #[error("internal scheduler error: {0}")]
    Internal(String),
    /// The worker pool could not be created.
    #[error("could not start worker threads: {0}")]
    Pool(String),
}

/// A malformed execution plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// A task referred to an input that is not an earlier task of the plan.
    #[error("task {task} depends on {input}, which is not an earlier task")]
    NotTopological {
        /// The task being added.
        task: u32,
        /// Its offending input.
        input: u32,
    },
    /// An operation-name id that was never interned.
    #[error("unknown operation name id {0}")]
    UnknownOpName(u32),
    /// A requested output that is not a task of the plan.
    #[error("output {0} is not a task of the plan")]
    UnknownOutput(u32),
}
