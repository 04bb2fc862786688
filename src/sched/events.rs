//! Progress events for live displays and the per-task timing [`Profile`] used by
//! the Profiler, `%prun` and the task-stream drawing.

use std::sync::Arc;
use std::time::Duration;

use super::plan::TaskId;

/// How far a computation has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Tasks finished so far.
    pub done: usize,
    /// Tasks in the plan.
    pub total: usize,
    /// Time since the run started.
    pub elapsed: Duration,
}

/// Receives live progress (progress bars). Calls are throttled by the executor:
/// `progress` comes at most about every [`PROGRESS_INTERVAL`], from whichever
/// worker notices the interval has passed, never once per task.
pub trait EventSink: Sync {
    /// The run is about to start `total` tasks.
    fn started(&self, _total: usize) {}
    /// Periodic progress while running.
    fn progress(&self, _progress: Progress) {}
    /// The run ended (`ok == false` on error or cancellation).
    fn finished(&self, _progress: Progress, _ok: bool) {}
}

/// Minimum time between two [`EventSink::progress`] calls.
pub const PROGRESS_INTERVAL: Duration = Duration::from_millis(50);

/// When and where one task ran, relative to the start of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaskTiming {
    /// The task's id in the plan.
    pub task: TaskId,
    /// Index into [`Profile::ops`].
    pub op: u32,
    /// Worker thread index (0 for the sync scheduler).
    pub worker: u32,
    /// Start, since the run started.
    pub start: Duration,
    /// End, since the run started.
    pub end: Duration,
}

/// Time spent per operation name, for `%prun`-style tables.
#[derive(Debug, Clone, PartialEq)]
pub struct OpSummary {
    /// Operation name.
    pub op: Arc<str>,
    /// Number of tasks with this operation.
    pub count: usize,
    /// Summed task time.
    pub total: Duration,
    /// Longest single task.
    pub max: Duration,
}

/// Everything recorded about one run: timings, counts and memory peaks.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Which executor ran ("sync" or "threads").
    pub scheduler: &'static str,
    /// Worker threads used.
    pub workers: usize,
    /// Wall-clock time of the whole run.
    pub wall: Duration,
    /// Tasks in the plan.
    pub total: usize,
    /// Distinct operation names (indexed by [`TaskTiming::op`]).
    pub ops: Vec<Arc<str>>,
    /// One entry per task that ran, sorted by start time.
    pub timings: Vec<TaskTiming>,
    /// Peak of the summed estimated sizes of results alive at once.
    pub peak_live_bytes: u64,
    /// Peak number of results alive at once (outputs included).
    pub peak_live_results: usize,
}

impl Profile {
    /// Summed time of all tasks (CPU time spent inside operations).
    pub fn busy(&self) -> Duration {
        self.timings.iter().map(|t| t.end - t.start).sum()
    }

    /// Per-operation totals, largest total first.
    pub fn per_op(&self) -> Vec<OpSummary> {
        let mut out: Vec<OpSummary> = self
            .ops
            .iter()
            .map(|op| OpSummary {
                op: op.clone(),
                count: 0,
                total: Duration::ZERO,
                max: Duration::ZERO,
            })
            .collect();
        for t in &self.timings {
            let s = &mut out[t.op as usize];
            let d = t.end - t.start;
            s.count += 1;
            s.total += d;
            s.max = s.max.max(d);
        }
        out.retain(|s| s.count > 0);
        out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.op.cmp(&b.op)));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_op_sums_and_sorts() {
        let ms = Duration::from_millis;
        let p = Profile {
            ops: vec![Arc::from("a"), Arc::from("b"), Arc::from("unused")],
            timings: vec![
                TaskTiming {
                    task: 0,
                    op: 0,
                    worker: 0,
                    start: ms(0),
                    end: ms(1),
                },
                TaskTiming {
                    task: 1,
                    op: 1,
                    worker: 1,
                    start: ms(0),
                    end: ms(5),
                },
                TaskTiming {
                    task: 2,
                    op: 0,
                    worker: 0,
                    start: ms(1),
                    end: ms(4),
                },
            ],
            ..Default::default()
        };
        let s = p.per_op();
        assert_eq!(s.len(), 2);
        assert_eq!((&*s[0].op, s[0].count, s[0].total), ("b", 1, ms(5)));
        assert_eq!(
            (&*s[1].op, s[1].count, s[1].total, s[1].max),
            ("a", 2, ms(4), ms(3))
        );
        assert_eq!(p.busy(), ms(9));
    }
}
