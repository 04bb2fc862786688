//! Deferred trimming: free heap memory goes back to the system once the
//! kernel has been idle for [`IDLE_TRIM_AFTER`], not straight after every cell.
//!
//! Why: a cell that builds and runs a 10⁵-task graph frees ~60 MiB of task
//! tables. Trimmed at once, the next cell (re-running the compute, a
//! benchmark's repeat) faults all of it in again, which on a VM costs a
//! quarter of that compute. Deferred, back-to-back cells reuse the pages and
//! an idle kernel still gives them back within a second.

use parking_lot::{Condvar, Mutex};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Idle time after a cell before its freed memory is returned.
pub const IDLE_TRIM_AFTER: Duration = Duration::from_secs(1);

/// When the pending trim is due (`None`: nothing pending, or a cell runs).
struct Pending {
    due: Mutex<Option<Instant>>,
    wake: Condvar,
    /// Whether the trimming thread runs (if it could not be started, cells
    /// trim as they finish).
    threaded: bool,
}

fn pending() -> &'static Pending {
    static P: OnceLock<Pending> = OnceLock::new();
    P.get_or_init(|| {
        // The trimming thread sleeps until a trim is due; it lives as long
        // as the process and holds no lock while trimming.
        let threaded = std::thread::Builder::new()
            .name("idle-trim".into())
            .spawn(|| trim_loop(pending()))
            .is_ok();
        Pending {
            due: Mutex::new(None),
            wake: Condvar::new(),
            threaded,
        }
    })
}

fn trim_loop(p: &'static Pending) {
    let mut due = p.due.lock();
    loop {
        match *due {
            None => p.wake.wait(&mut due),
            Some(t) if Instant::now() >= t => {
                *due = None;
                drop(due);
                super::release_free_memory();
                due = p.due.lock();
            }
            Some(t) => {
                p.wake.wait_until(&mut due, t);
            }
        }
    }
}

/// A cell starts: a pending trim waits until the kernel is idle again.
pub fn cell_started() {
    *pending().due.lock() = None;
}

/// A cell has finished: return its freed memory unless another cell starts
/// within [`IDLE_TRIM_AFTER`].
pub fn cell_finished() {
    let p = pending();
    if !p.threaded {
        super::release_free_memory();
        return;
    }
    *p.due.lock() = Some(Instant::now() + IDLE_TRIM_AFTER);
    p.wake.notify_one();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_cell_schedules_a_trim_and_a_new_cell_cancels_it() {
        cell_finished();
        assert!(pending().due.lock().is_some());
        cell_started();
        assert!(pending().due.lock().is_none());
        cell_finished();
        // The trimming thread takes the pending trim once it is due.
        let deadline = Instant::now() + IDLE_TRIM_AFTER * 5;
        while pending().due.lock().is_some() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(pending().due.lock().is_none());
    }
}
