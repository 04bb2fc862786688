//! Execution of task plans on rayon (threads) or in order (sync). Knows nothing of
//! Jupyter, and nothing of `graph`: `graph` lowers its keyed graphs into a
//! [`Plan`] (tasks with dependency indices) defined here.

pub mod cancel;
pub mod datum;
pub mod error;
pub mod events;
pub mod plan;
pub mod pool;
mod state;
pub use state::panic_message;
mod sync;
pub mod tap;
mod threads;

#[cfg(test)]
mod tests;

pub use cancel::CancelToken;
pub use datum::{datum, task_fn, Const, Datum, FnTask, TaskError, TaskFn};
pub use error::{PlanError, SchedError};
pub use events::{EventSink, OpSummary, Profile, Progress, TaskTiming, PROGRESS_INTERVAL};
pub use plan::{Describe, Plan, PlanBuilder, TaskId};
pub use tap::Recording;

use state::RunState;

/// Which executor runs a computation (`scheduler=` and `num_workers=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheduler {
    /// Every task on the calling thread, in priority order.
    Sync,
    /// A cached rayon pool with this many threads (0 = all cores).
    Threads {
        /// Worker thread count; 0 means the machine's parallelism.
        num_workers: usize,
    },
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler::Threads { num_workers: 0 }
    }
}

/// Per-run options: the interrupt flag and an optional live progress receiver.
#[derive(Clone, Default)]
pub struct ExecOptions<'a> {
    /// Checked before every task starts; set it (e.g. from the kernel's
    /// interrupt handler, through a clone) to stop the run.
    pub cancel: CancelToken,
    /// Receives throttled progress events.
    pub events: Option<&'a dyn EventSink>,
}

impl<'a> ExecOptions<'a> {
    /// Options watching `cancel`, without live progress.
    pub fn new(cancel: CancelToken) -> Self {
        Self {
            cancel,
            events: None,
        }
    }

    /// Also send live progress to `sink`.
    pub fn with_events(mut self, sink: &'a dyn EventSink) -> Self {
        self.events = Some(sink);
        self
    }
}

/// The outputs of a run plus its profile.
#[derive(Debug)]
pub struct Computed {
    /// One value per requested output, in request order.
    pub values: Vec<Datum>,
    /// Timings, counts and memory peaks of the run.
    pub profile: Profile,
}

impl Scheduler {
    /// Run `plan` and return the results of `outputs` (task ids, in that order).
    pub fn execute(
        &self,
        plan: &Plan,
        outputs: &[TaskId],
        opts: &ExecOptions<'_>,
    ) -> Result<Vec<Datum>, SchedError> {
        self.run(plan, outputs, opts).map(|c| c.values)
    }

    /// Like [`Scheduler::execute`], also returning the run's [`Profile`].
    pub fn run(
        &self,
        plan: &Plan,
        outputs: &[TaskId],
        opts: &ExecOptions<'_>,
    ) -> Result<Computed, SchedError> {
        let state = RunState::new(plan, outputs, &opts.cancel, opts.events)?;
        let (values, profile) = match *self {
            Scheduler::Sync => sync::run(state, outputs)?,
            Scheduler::Threads { num_workers } => threads::run(state, outputs, num_workers)?,
        };
        tap::record(&profile);
        Ok(Computed { values, profile })
    }

    /// The scheduler named by Dask's `scheduler=` strings (`sync`, `synchronous`,
    /// `single-threaded`, `threads`, `threading`); `None` for other names.
    pub fn from_name(name: &str, num_workers: Option<usize>) -> Option<Scheduler> {
        match name {
            "sync" | "synchronous" | "single-threaded" => Some(Scheduler::Sync),
            "threads" | "threading" => Some(Scheduler::Threads {
                num_workers: num_workers.unwrap_or(0),
            }),
            _ => None,
        }
    }

    /// Number of worker threads this scheduler uses.
    pub fn workers(&self) -> usize {
        match *self {
            Scheduler::Sync => 1,
            Scheduler::Threads { num_workers: 0 } => pool::default_workers(),
            Scheduler::Threads { num_workers } => num_workers,
        }
    }
}
