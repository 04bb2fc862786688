//! Running computations from the dialect: scheduler choice and result values.

use super::convert;
use super::objects::{ArrayObj, NdArrayObj};
use crate::array::{self, Array, ComputeOptions};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;
use crate::sched::Scheduler;

/// The scheduler named by `scheduler=` / `num_workers=` keywords (threads by default).
pub fn scheduler_from(a: &mut Args) -> PyResult<Scheduler> {
    let workers = match a.take_kw("num_workers") {
        Some(Value::None) | None => 0,
        Some(v) => crate::lang::builtins::to_int(&v, "")?.max(0) as usize,
    };
    let name = match a.take_kw("scheduler") {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::None) | None => "threads".to_string(),
        Some(other) => {
            return Err(exc::type_error(format!(
                "scheduler must be a string, not {}",
                other.type_name()
            )))
        }
    };
    match name.as_str() {
        "sync" | "synchronous" | "single-threaded" => Ok(Scheduler::Sync),
        // No GIL: processes would only add copying, so they run on threads too.
        "threads" | "threading" | "processes" | "multiprocessing" => Ok(Scheduler::Threads { num_workers: workers }),
        other => Err(exc::value_error(format!(
            "Expected one of [sync, synchronous, single-threaded, threads, threading, processes], got {other:?}"
        ))),
    }
}

/// Compute lazy arrays into eager values (Python scalars for 0-d results).
pub fn compute(vm: &mut Vm, arrays: &[Array], scheduler: Scheduler) -> PyResult<Vec<Value>> {
    let opts = ComputeOptions::new(scheduler, vm.ctx.cancel.clone());
    let (chunks, _profile) = array::compute(arrays, &opts).map_err(convert::compute_error)?;
    Ok(chunks.into_iter().map(NdArrayObj::value).collect())
}

/// Persist one array (blocks computed and kept).
pub fn persist(vm: &mut Vm, a: &Array, scheduler: Scheduler) -> PyResult<Value> {
    let opts = ComputeOptions::new(scheduler, vm.ctx.cancel.clone());
    array::persist(a, &opts)
        .map(ArrayObj::value)
        .map_err(convert::compute_error)
}
