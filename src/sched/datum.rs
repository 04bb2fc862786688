//! What flows along task-graph edges and what a task runs. These live in `sched`
//! (the lowest layer that needs them) so `graph` can re-export them without `sched`
//! ever importing `graph`.

use std::any::Any;
use std::sync::Arc;

/// A task's result: any shareable value. Cloning is an atomic increment, so many
/// consumers can read one result while the scheduler frees it after the last one.
pub type Datum = Arc<dyn Any + Send + Sync>;

/// An error returned by a task's operation. Boxed so every layer above (chunk
/// kernels, Python functions) can return its own error type and get it back by
/// downcasting from [`crate::sched::SchedError::TaskFailed`].
pub type TaskError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Wrap any value as a [`Datum`].
pub fn datum<T: Any + Send + Sync>(value: T) -> Datum {
    Arc::new(value)
}

/// The operation of one task: a pure function of its inputs. Upper layers
/// implement it (chunk kernels, Python callables), which is the seam that lets the
/// scheduler run work it knows nothing about.
pub trait TaskFn: Send + Sync {
    /// Compute the task's result from its inputs, in the order the task lists them.
    fn run(&self, inputs: &[Datum]) -> Result<Datum, TaskError>;
}

/// A [`TaskFn`] made from a closure (tests, benches, small glue operations).
pub struct FnTask<F>(pub F);

impl<F> TaskFn for FnTask<F>
where
    F: Fn(&[Datum]) -> Result<Datum, TaskError> + Send + Sync,
{
    fn run(&self, inputs: &[Datum]) -> Result<Datum, TaskError> {
        (self.0)(inputs)
    }
}

/// Box a closure as a shareable task operation.
pub fn task_fn<F>(f: F) -> Arc<dyn TaskFn>
where
    F: Fn(&[Datum]) -> Result<Datum, TaskError> + Send + Sync + 'static,
{
    Arc::new(FnTask(f))
}

/// A task operation that ignores its inputs and returns a fixed value (literal data).
pub struct Const(pub Datum);

impl TaskFn for Const {
    fn run(&self, _inputs: &[Datum]) -> Result<Datum, TaskError> {
        Ok(self.0.clone())
    }
}
