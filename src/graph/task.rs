//! A task: an operation, a short name for displays and profiles, and its inputs
//! (other tasks' keys or literal data).

use std::fmt;
use std::sync::Arc;

use smallvec::SmallVec;

pub use crate::sched::datum::{task_fn, FnTask, TaskFn};

use super::datum::{Const, Datum, TaskError};
use super::key::Key;

/// One argument of a task.
#[derive(Clone)]
pub enum Input {
    /// The result of another task.
    Key(Key),
    /// A value known when the graph is built.
    Literal(Datum),
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Key(k) => write!(f, "{k}"),
            Input::Literal(_) => f.write_str("<literal>"),
        }
    }
}

impl From<Key> for Input {
    fn from(k: Key) -> Self {
        Input::Key(k)
    }
}

/// A unit of work in a [`super::TaskGraph`].
#[derive(Clone)]
pub struct Task {
    /// What to run.
    pub op: Arc<dyn TaskFn>,
    /// Short operation name (`add`, `sum-partial`, `ones-add-sum` after fusion).
    pub name: Arc<str>,
    /// Arguments in the order `op` receives them.
    pub inputs: Vec<Input>,
    /// Estimated result size in bytes (0 = unknown), for memory tracking.
    pub est_bytes: u64,
}

impl fmt::Debug for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:?}", self.name, self.inputs)
    }
}

impl Task {
    /// A task running `op` on `inputs`.
    pub fn new(name: impl Into<Arc<str>>, op: Arc<dyn TaskFn>, inputs: Vec<Input>) -> Self {
        Self {
            op,
            name: name.into(),
            inputs,
            est_bytes: 0,
        }
    }

    /// A task whose inputs are all other tasks' results.
    pub fn from_keys(name: impl Into<Arc<str>>, op: Arc<dyn TaskFn>, keys: &[Key]) -> Self {
        Self::new(name, op, keys.iter().cloned().map(Input::Key).collect())
    }

    /// A data node: a task that just yields `value`.
    pub fn literal(value: Datum) -> Self {
        Self::new("literal", Arc::new(Const(value)), Vec::new())
    }

    /// Set the estimated result size.
    pub fn with_bytes(mut self, est_bytes: u64) -> Self {
        self.est_bytes = est_bytes;
        self
    }

    /// The keys this task depends on, in argument order (repeats kept).
    pub fn dependencies(&self) -> impl Iterator<Item = &Key> {
        self.inputs.iter().filter_map(|i| match i {
            Input::Key(k) => Some(k),
            Input::Literal(_) => None,
        })
    }

    /// Whether some argument is literal data (the op then needs a wrapper that
    /// interleaves those values with the task results at run time).
    pub fn has_literals(&self) -> bool {
        self.inputs.iter().any(|i| matches!(i, Input::Literal(_)))
    }

    /// The operation as the scheduler sees it: inputs are only task results, with
    /// literal arguments spliced back in place.
    pub fn plan_op(&self) -> Arc<dyn TaskFn> {
        if !self.has_literals() {
            return self.op.clone();
        }
        let template = self
            .inputs
            .iter()
            .map(|i| match i {
                Input::Key(_) => None,
                Input::Literal(d) => Some(d.clone()),
            })
            .collect();
        Arc::new(WithLiterals {
            op: self.op.clone(),
            template,
        })
    }
}

/// Runs `op` on the task results with the literal arguments put back in place.
struct WithLiterals {
    op: Arc<dyn TaskFn>,
    /// `None` = the next task result, `Some` = a literal.
    template: Vec<Option<Datum>>,
}

impl TaskFn for WithLiterals {
    fn run(&self, inputs: &[Datum]) -> Result<Datum, TaskError> {
        let mut next = inputs.iter();
        let args: SmallVec<[Datum; 4]> = self
            .template
            .iter()
            .map(|t| match t {
                Some(d) => d.clone(),
                None => next.next().expect("one result per key input").clone(),
            })
            .collect();
        self.op.run(&args)
    }
}
