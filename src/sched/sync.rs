//! The in-order executor: every task on the calling thread, in plan (priority)
//! order. Deterministic; what `scheduler='sync'` means (debugging, `%prun`).

use super::cancel::CancelToken;
use super::datum::Datum;
use super::error::SchedError;
use super::events::Profile;
use super::plan::TaskId;
use super::state::RunState;

/// Run every task of the plan in index order on this thread.
pub(crate) fn run(
    state: RunState<'_>,
    outputs: &[TaskId],
) -> Result<(Vec<Datum>, Profile), SchedError> {
    state.announce();
    let prev = CancelToken::swap_current(Some(state.cancel.clone()));
    for t in 0..state.plan.len() as TaskId {
        if !state.run_task(t, 0) {
            break;
        }
    }
    CancelToken::swap_current(prev);
    state.finish(outputs, "sync", 1)
}
