//! Running computations from the dialect: scheduler choice and result values.

use super::convert;
use super::objects::{ArrayObj, NdArrayObj};
use crate::array::{self, Array, ComputeOptions};
use crate::display::progress::ProgressState;
use crate::lang::eval::Vm;
use crate::lang::exc::PyResult;
use crate::lang::modules::dask_runtime::{memory, observe};
use crate::lang::value::Value;
use crate::sched::{SchedError, Scheduler};

/// The progress bar's final state for a run that ended with `err` (`Some(true)`: interrupted).
pub fn state_of(err: Option<bool>) -> ProgressState {
    match err {
        None => ProgressState::Finished,
        Some(true) => ProgressState::Cancelled,
        Some(false) => ProgressState::Failed,
    }
}

fn is_cancel(e: &array::ComputeError) -> bool {
    matches!(e, array::ComputeError::Sched(SchedError::Cancelled))
}

/// Compute lazy arrays into eager values (Python scalars for 0-d results).
pub fn compute(vm: &mut Vm, arrays: &[Array], scheduler: Scheduler) -> PyResult<Vec<Value>> {
    let bytes: u128 = arrays.iter().map(|a| a.meta().nbytes_u128()).sum();
    let what = if arrays.len() == 1 {
        "this array".to_string()
    } else {
        format!("these {} arrays", arrays.len())
    };
    memory::check_result_bytes(bytes, &what)?;
    let ctx = vm.ctx.clone();
    let (chunks, _profile) = observe(
        &ctx,
        |sink| {
            let mut opts = ComputeOptions::new(scheduler, ctx.cancel.clone());
            opts.events = Some(sink);
            array::compute(arrays, &opts)
        },
        |r| state_of(r.as_ref().err().map(is_cancel)),
    )
    .map_err(convert::compute_error)?;
    Ok(chunks.into_iter().map(NdArrayObj::value).collect())
}

/// Persist one array (blocks computed and kept).
pub fn persist(vm: &mut Vm, a: &Array, scheduler: Scheduler) -> PyResult<Value> {
    let ctx = vm.ctx.clone();
    observe(
        &ctx,
        |sink| {
            let mut opts = ComputeOptions::new(scheduler, ctx.cancel.clone());
            opts.events = Some(sink);
            array::persist(a, &opts)
        },
        |r| state_of(r.as_ref().err().map(is_cancel)),
    )
    .map(ArrayObj::value)
    .map_err(convert::compute_error)
}
