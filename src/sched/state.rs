//! Per-run bookkeeping shared by both executors: result slots, dependency and
//! consumer counters, timings, memory accounting, first error, progress gate.
//!
//! Every field is per task or a single atomic; no lock is held across tasks. Each
//! result slot has its own (uncontended) mutex, timings are written into the
//! running task's own preallocated cell and gathered once at the end.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::time::Instant;

use parking_lot::Mutex;
use smallvec::SmallVec;

use super::cancel::CancelToken;
use super::datum::Datum;
use super::error::{PlanError, SchedError};
use super::events::{EventSink, Profile, Progress, TaskTiming, PROGRESS_INTERVAL};
use super::plan::{Plan, TaskId};

const NOT_RUN: u32 = u32::MAX;

/// Where and when a task ran (nanoseconds since the run started).
#[derive(Default)]
struct TimingCell {
    start: AtomicU64,
    end: AtomicU64,
    worker: AtomicU32,
}

/// Counters written by every task, kept together on their own cache line so
/// they do not evict the read-mostly fields every task reads.
#[repr(align(128))]
#[derive(Default)]
struct Live {
    bytes: AtomicU64,
    count: AtomicUsize,
    done: AtomicUsize,
    peak_bytes: AtomicU64,
    peak_count: AtomicUsize,
}

/// The state of one execution of a [`Plan`].
pub(crate) struct RunState<'a> {
    pub plan: &'a Plan,
    slots: Vec<Mutex<Option<Datum>>>,
    /// Unfinished inputs per task (threads executor readiness).
    pub waiting: Vec<AtomicU32>,
    /// Consumers still to run per result (+1 per request as an output).
    refs: Vec<AtomicU32>,
    timings: Vec<TimingCell>,
    abort: AtomicBool,
    failure: Mutex<Option<SchedError>>,
    pub cancel: &'a CancelToken,
    sink: Option<&'a dyn EventSink>,
    t0: Instant,
    next_report_ns: AtomicU64,
    live: Live,
}

impl<'a> RunState<'a> {
    pub fn new(
        plan: &'a Plan,
        outputs: &[TaskId],
        cancel: &'a CancelToken,
        sink: Option<&'a dyn EventSink>,
    ) -> Result<Self, SchedError> {
        let n = plan.len();
        let mut refs: Vec<AtomicU32> = (0..n as TaskId)
            .map(|t| AtomicU32::new(plan.users(t).len() as u32))
            .collect();
        for &o in outputs {
            let r = refs
                .get_mut(o as usize)
                .ok_or(PlanError::UnknownOutput(o))?;
            *r.get_mut() += 1;
        }
        let waiting = (0..n as TaskId)
            .map(|t| AtomicU32::new(plan.deps(t).len() as u32))
            .collect();
        let mut timings = Vec::with_capacity(n);
        timings.resize_with(n, || TimingCell {
            worker: AtomicU32::new(NOT_RUN),
            ..Default::default()
        });
        let mut slots = Vec::with_capacity(n);
        slots.resize_with(n, || Mutex::new(None));
        Ok(Self {
            plan,
            slots,
            waiting,
            refs,
            timings,
            abort: AtomicBool::new(false),
            failure: Mutex::new(None),
            cancel,
            sink,
            t0: Instant::now(),
            next_report_ns: AtomicU64::new(PROGRESS_INTERVAL.as_nanos() as u64),
            live: Live::default(),
        })
    }

    /// Tell the sink the run starts.
    pub fn announce(&self) {
        if let Some(s) = self.sink {
            self.guard("progress display", || s.started(self.plan.len()));
        }
    }

    /// Run `f`, turning a panic into this run's failure (attributed to `what`) so
    /// that no panic outside a task's own operation can unwind through an
    /// executor, leave consumers waiting or skip the end-of-run report.
    fn guard(&self, what: &str, f: impl FnOnce()) -> bool {
        match catch_unwind(AssertUnwindSafe(f)) {
            Ok(()) => true,
            Err(payload) => {
                self.fail(SchedError::Panicked {
                    key: what.to_string(),
                    op: "scheduler".into(),
                    message: panic_message(payload.as_ref()),
                });
                false
            }
        }
    }

    fn now_ns(&self) -> u64 {
        self.t0.elapsed().as_nanos() as u64
    }

    /// Whether no new task may start (error recorded or cancelled).
    #[inline]
    pub fn stopped(&self) -> bool {
        if self.abort.load(Ordering::Relaxed) {
            return true;
        }
        if self.cancel.is_cancelled() {
            self.fail(SchedError::Cancelled);
            return true;
        }
        false
    }

    /// Record the first failure and stop new tasks from starting.
    fn fail(&self, err: SchedError) {
        let mut f = self.failure.lock();
        if f.is_none() {
            *f = Some(err);
        }
        self.abort.store(true, Ordering::Relaxed);
    }

    /// Run task `t` on worker `worker` if the run is still going. Returns whether
    /// it produced a result (so its consumers may be released). A panic in the
    /// bookkeeping around the operation fails the run like a panicking task.
    pub fn run_task(&self, t: TaskId, worker: u32) -> bool {
        let mut produced = false;
        let ok = self.guard("task bookkeeping", || {
            produced = self.run_task_inner(t, worker)
        });
        ok && produced
    }

    fn run_task_inner(&self, t: TaskId, worker: u32) -> bool {
        if self.stopped() {
            return false;
        }
        let plan = self.plan;
        let deps = plan.deps(t);
        let inputs: Option<SmallVec<[Datum; 4]>> = deps
            .iter()
            .map(|&d| self.slots[d as usize].lock().clone())
            .collect();
        let Some(inputs) = inputs else {
            self.fail(SchedError::Internal(format!(
                "an input of task {} was missing",
                plan.describe(t)
            )));
            return false;
        };
        let start = self.now_ns();
        let res = catch_unwind(AssertUnwindSafe(|| plan.op(t).run(&inputs)));
        let end = self.now_ns();
        drop(inputs);
        let cell = &self.timings[t as usize];
        cell.start.store(start, Ordering::Relaxed);
        cell.end.store(end, Ordering::Relaxed);
        cell.worker.store(worker, Ordering::Relaxed);
        let value = match res {
            Ok(Ok(v)) => v,
            Ok(Err(_)) if self.cancel.is_cancelled() => {
                // Kernels that poll the flag stop with an error: that is the interrupt.
                self.fail(SchedError::Cancelled);
                return false;
            }
            Ok(Err(source)) => {
                self.fail(SchedError::TaskFailed {
                    key: plan.describe(t),
                    op: plan.op_name(t).clone(),
                    source,
                });
                return false;
            }
            Err(payload) => {
                self.fail(SchedError::Panicked {
                    key: plan.describe(t),
                    op: plan.op_name(t).clone(),
                    message: panic_message(payload.as_ref()),
                });
                return false;
            }
        };
        let bytes = plan.est_bytes(t);
        self.add_live(bytes);
        if self.refs[t as usize].load(Ordering::Relaxed) == 0 {
            drop(value);
            self.sub_live(bytes);
        } else {
            *self.slots[t as usize].lock() = Some(value);
        }
        for &d in deps {
            if self.refs[d as usize].fetch_sub(1, Ordering::AcqRel) == 1 {
                let freed = self.slots[d as usize].lock().take();
                drop(freed);
                self.sub_live(plan.est_bytes(d));
            }
        }
        let done = self.live.done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(sink) = self.sink {
            self.guard("progress display", || self.maybe_report(sink, done, end));
        }
        true
    }

    fn add_live(&self, bytes: u64) {
        let count = self.live.count.fetch_add(1, Ordering::Relaxed) + 1;
        if count > self.live.peak_count.load(Ordering::Relaxed) {
            self.live.peak_count.fetch_max(count, Ordering::Relaxed);
        }
        if bytes > 0 {
            // Estimates may be huge (saturated); the count must never overflow.
            let b = self
                .live
                .bytes
                .fetch_add(bytes, Ordering::Relaxed)
                .saturating_add(bytes);
            if b > self.live.peak_bytes.load(Ordering::Relaxed) {
                self.live.peak_bytes.fetch_max(b, Ordering::Relaxed);
            }
        }
    }

    fn sub_live(&self, bytes: u64) {
        self.live.count.fetch_sub(1, Ordering::Relaxed);
        if bytes > 0 {
            self.live.bytes.fetch_sub(bytes, Ordering::Relaxed);
        }
    }

    fn maybe_report(&self, sink: &dyn EventSink, done: usize, now: u64) {
        let next = self.next_report_ns.load(Ordering::Relaxed);
        if now < next {
            return;
        }
        let step = PROGRESS_INTERVAL.as_nanos() as u64;
        if self
            .next_report_ns
            .compare_exchange(next, now + step, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
        {
            sink.progress(self.progress_at(done));
        }
    }

    fn progress_at(&self, done: usize) -> Progress {
        Progress {
            done,
            total: self.plan.len(),
            elapsed: self.t0.elapsed(),
        }
    }

    /// Collect the outputs (or the first failure) and the profile.
    pub fn finish(
        self,
        outputs: &[TaskId],
        scheduler: &'static str,
        workers: usize,
    ) -> Result<(Vec<Datum>, Profile), SchedError> {
        let wall = self.t0.elapsed();
        let done = self.live.done.load(Ordering::Relaxed);
        let failure = self.failure.lock().take();
        // A cancel that landed after the last task started still counts when
        // some task never ran.
        let failure = failure.or_else(|| {
            (done < self.plan.len() && self.cancel.is_cancelled()).then_some(SchedError::Cancelled)
        });
        if let Some(sink) = self.sink {
            let ok = failure.is_none();
            // A display that panics here must not lose the result or the error.
            let _ = catch_unwind(AssertUnwindSafe(|| {
                sink.finished(self.progress_at(done), ok)
            }));
        }
        if let Some(err) = failure {
            return Err(err);
        }
        let values = outputs
            .iter()
            .map(|&o| self.slots[o as usize].lock().clone())
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| SchedError::Internal("an output was never computed".into()))?;
        let mut timings: Vec<TaskTiming> = self
            .timings
            .iter()
            .enumerate()
            .filter_map(|(t, c)| {
                let worker = c.worker.load(Ordering::Relaxed);
                (worker != NOT_RUN).then(|| TaskTiming {
                    task: t as TaskId,
                    op: self.plan.op_id(t as TaskId),
                    worker,
                    start: std::time::Duration::from_nanos(c.start.load(Ordering::Relaxed)),
                    end: std::time::Duration::from_nanos(c.end.load(Ordering::Relaxed)),
                })
            })
            .collect();
        timings.sort_by_key(|t| (t.start, t.task));
        let profile = Profile {
            scheduler,
            workers,
            wall,
            total: self.plan.len(),
            ops: self.plan.op_names().to_vec(),
            timings,
            peak_live_bytes: self.live.peak_bytes.load(Ordering::Relaxed),
            peak_live_results: self.live.peak_count.load(Ordering::Relaxed),
        };
        Ok((values, profile))
    }
}

/// The text of a panic payload (`panic!` with a literal or a formatted message);
/// every layer that catches panics reports them with this.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_string()
    }
}
