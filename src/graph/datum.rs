//! What flows on graph edges. Defined in `sched` (which runs tasks and must not
//! import `graph`) and re-exported here so graph users need only one module.

pub use crate::sched::datum::{datum, Const, Datum, TaskError};
