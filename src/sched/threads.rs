//! The parallel executor on a cached rayon pool.
//!
//! A task is started the moment its last input is ready. The worker that
//! finishes a task decrements its consumers' counters; of those that became
//! ready, it runs the highest-priority one itself right away (no spawn: chains
//! cost no queueing) and spawns the others onto its own LIFO deque, worst first,
//! so the next pop is the next best. Thieves take from the other end. Roots are
//! handed out in priority order through one atomic cursor. This keeps the run
//! depth-first, close to the static order, without any global lock.

use rayon::Scope;

use super::datum::Datum;
use super::error::SchedError;
use super::events::Profile;
use super::plan::TaskId;
use super::pool::pool;
use super::state::RunState;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Run the plan on `num_workers` threads (0 = all cores).
pub(crate) fn run(
    state: RunState<'_>,
    outputs: &[TaskId],
    num_workers: usize,
) -> Result<(Vec<Datum>, Profile), SchedError> {
    let pool = pool(num_workers)?;
    state.announce();
    let st = &state;
    let plan = st.plan;
    let roots: Vec<TaskId> = (0..plan.len() as TaskId)
        .filter(|&t| plan.deps(t).is_empty())
        .collect();
    let cursor = AtomicUsize::new(0);
    let (roots, cursor) = (&roots, &cursor);
    pool.scope(|s| {
        // One job per root, but a job takes the best root not yet taken when it
        // runs, so both the owner (LIFO) and thieves (FIFO) start from the front
        // of the priority order.
        for _ in 0..roots.len() {
            s.spawn(move |s| {
                let t = roots[cursor.fetch_add(1, Ordering::Relaxed)];
                run_from(s, st, t);
            });
        }
    });
    let workers = pool.current_num_threads();
    state.finish(outputs, "threads", workers)
}

fn run_from<'s>(s: &Scope<'s>, st: &'s RunState<'_>, first: TaskId) {
    let worker = rayon::current_thread_index().unwrap_or(0) as u32;
    let plan = st.plan;
    let mut t = first;
    loop {
        st.cancel.install();
        if !st.run_task(t, worker) {
            return;
        }
        let mut next: Option<TaskId> = None;
        for &u in plan.users(t).iter().rev() {
            if st.waiting[u as usize].fetch_sub(1, Ordering::AcqRel) == 1 {
                if let Some(worse) = next.replace(u) {
                    s.spawn(move |s| run_from(s, st, worse));
                }
            }
        }
        match next {
            Some(n) => t = n,
            None => return,
        }
    }
}
