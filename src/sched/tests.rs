//! Executor tests: equivalence of sync and threads, freeing, cancellation,
//! panics, errors, events and memory accounting.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::*;

fn val(d: &Datum) -> u64 {
    *d.downcast_ref::<u64>().expect("u64 datum")
}

/// A task computing `seed + sum(inputs)` (wrapping), so results depend on structure.
fn add_op(seed: u64) -> Arc<dyn TaskFn> {
    task_fn(move |ins| {
        Ok(datum(ins.iter().fold(seed, |a, d| {
            a.wrapping_mul(31).wrapping_add(val(d))
        })))
    })
}

/// A tiny deterministic generator (no external crate needed for test data).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// A random DAG with `n` tasks, each with up to 3 inputs among earlier tasks.
fn random_plan(seed: u64, n: usize) -> (Plan, Vec<TaskId>) {
    let mut r = Lcg(seed);
    let mut b = PlanBuilder::new();
    let name = b.intern("add");
    for t in 0..n as u64 {
        let k = if t == 0 { 0 } else { r.next() % 4 };
        let ins: Vec<TaskId> = (0..k).map(|_| (r.next() % t) as TaskId).collect();
        b.push(add_op(t), name, &ins, 8).unwrap();
    }
    let plan = b.build();
    let outs: Vec<TaskId> = (0..n as TaskId)
        .filter(|&t| plan.users(t).is_empty() || r.next().is_multiple_of(10))
        .collect();
    (plan, outs)
}

/// Reference: evaluate every task in order with plain recursion-free code.
fn reference(plan: &Plan, outs: &[TaskId]) -> Vec<u64> {
    let mut v: Vec<Datum> = Vec::new();
    for t in 0..plan.len() as TaskId {
        let ins: Vec<Datum> = plan
            .deps(t)
            .iter()
            .map(|&d| v[d as usize].clone())
            .collect();
        v.push(plan.op(t).run(&ins).unwrap());
    }
    outs.iter().map(|&o| val(&v[o as usize])).collect()
}

fn opts(c: &CancelToken) -> ExecOptions<'_> {
    ExecOptions {
        cancel: c.clone(),
        events: None,
    }
}

#[test]
fn threads_equal_sync_on_random_dags() {
    let c = CancelToken::new();
    for seed in 0..40u64 {
        let n = 1 + (seed as usize * 37) % 300;
        let (plan, outs) = random_plan(seed, n);
        let want = reference(&plan, &outs);
        let s = Scheduler::Sync.execute(&plan, &outs, &opts(&c)).unwrap();
        assert_eq!(
            s.iter().map(val).collect::<Vec<_>>(),
            want,
            "sync seed {seed}"
        );
        for w in [1, 2, 4] {
            let t = Scheduler::Threads { num_workers: w }
                .execute(&plan, &outs, &opts(&c))
                .unwrap();
            assert_eq!(
                t.iter().map(val).collect::<Vec<_>>(),
                want,
                "threads({w}) seed {seed}"
            );
        }
    }
}

#[test]
fn profile_records_every_task_and_peak_bytes() {
    let c = CancelToken::new();
    let mut b = PlanBuilder::new();
    let name = b.intern("add");
    let mut prev = b.push(add_op(1), name, &[], 10).unwrap();
    for i in 0..99 {
        prev = b.push(add_op(i), name, &[prev], 10).unwrap();
    }
    let plan = b.build();
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        let r = s.run(&plan, &[prev], &opts(&c)).unwrap();
        assert_eq!(r.profile.timings.len(), 100);
        assert_eq!(r.profile.peak_live_results, 2, "{s:?}");
        assert_eq!(r.profile.peak_live_bytes, 20, "{s:?}");
        assert!(r.profile.timings.iter().all(|t| t.end >= t.start));
        assert_eq!(r.profile.per_op()[0].count, 100);
    }
}

/// A value that counts how many of its kind are alive.
struct Counted(Arc<AtomicUsize>);
impl Counted {
    fn new(alive: &Arc<AtomicUsize>) -> Self {
        alive.fetch_add(1, Ordering::SeqCst);
        Counted(alive.clone())
    }
}
impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[test]
fn intermediates_are_freed_after_last_consumer() {
    let c = CancelToken::new();
    let alive = Arc::new(AtomicUsize::new(0));
    let max_seen = Arc::new(AtomicUsize::new(0));
    let mut b = PlanBuilder::new();
    let name = b.intern("step");
    let mk = |alive: &Arc<AtomicUsize>, max_seen: &Arc<AtomicUsize>| {
        let (alive, max_seen) = (alive.clone(), max_seen.clone());
        task_fn(move |_| {
            max_seen.fetch_max(alive.load(Ordering::SeqCst), Ordering::SeqCst);
            Ok(datum(Counted::new(&alive)))
        })
    };
    // 50 independent two-step chains a_i -> b_i, then one sink over all b_i.
    let mut bs = Vec::new();
    for _ in 0..50 {
        let a = b.push(mk(&alive, &max_seen), name, &[], 0).unwrap();
        bs.push(b.push(mk(&alive, &max_seen), name, &[a], 0).unwrap());
    }
    let sink = b.push(mk(&alive, &max_seen), name, &bs, 0).unwrap();
    let plan = b.build();
    let out = Scheduler::Sync.execute(&plan, &[sink], &opts(&c)).unwrap();
    // Only the output survives; every a_i was freed right after b_i ran.
    assert_eq!(alive.load(Ordering::SeqCst), 1);
    assert!(max_seen.load(Ordering::SeqCst) <= 51);
    drop(out);
    assert_eq!(alive.load(Ordering::SeqCst), 0);
    let out = Scheduler::Threads { num_workers: 2 }
        .execute(&plan, &[sink], &opts(&c))
        .unwrap();
    assert_eq!(alive.load(Ordering::SeqCst), 1);
    drop(out);
    assert_eq!(alive.load(Ordering::SeqCst), 0);
}

#[test]
fn chain_holds_at_most_two_results() {
    let c = CancelToken::new();
    let alive = Arc::new(AtomicUsize::new(0));
    let max_seen = Arc::new(AtomicUsize::new(0));
    let mut b = PlanBuilder::new();
    let name = b.intern("step");
    let mut prev: Option<TaskId> = None;
    for _ in 0..200 {
        let (al, mx) = (alive.clone(), max_seen.clone());
        let op = task_fn(move |_| {
            mx.fetch_max(al.load(Ordering::SeqCst), Ordering::SeqCst);
            Ok(datum(Counted::new(&al)))
        });
        let ins: Vec<TaskId> = prev.into_iter().collect();
        prev = Some(b.push(op, name, &ins, 0).unwrap());
    }
    let plan = b.build();
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        max_seen.store(0, Ordering::SeqCst);
        let out = s.execute(&plan, &[prev.unwrap()], &opts(&c)).unwrap();
        assert!(max_seen.load(Ordering::SeqCst) <= 1, "{s:?}");
        drop(out);
        assert_eq!(alive.load(Ordering::SeqCst), 0);
    }
}

fn sleepy_plan(n: usize, started: &Arc<AtomicUsize>) -> Plan {
    let mut b = PlanBuilder::new();
    let name = b.intern("sleep");
    for _ in 0..n {
        let st = started.clone();
        b.push(
            task_fn(move |_| {
                st.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(2));
                Ok(datum(0u64))
            }),
            name,
            &[],
            0,
        )
        .unwrap();
    }
    b.build()
}

#[test]
fn cancellation_stops_new_tasks_quickly() {
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        let started = Arc::new(AtomicUsize::new(0));
        let plan = sleepy_plan(2000, &started);
        let c = CancelToken::new();
        let (c2, st2) = (c.clone(), started.clone());
        let h = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            c2.cancel();
            (Instant::now(), st2.load(Ordering::SeqCst))
        });
        let r = s.execute(&plan, &[0], &opts(&c));
        let returned = Instant::now();
        let (cancelled_at, started_then) = h.join().unwrap();
        assert!(matches!(r, Err(SchedError::Cancelled)), "{s:?}");
        // Only tasks already past their start check may still begin (one per worker).
        let after = started.load(Ordering::SeqCst) - started_then;
        assert!(
            after <= s.workers(),
            "{s:?}: {after} tasks started after cancel"
        );
        assert!(started_then < 2000);
        assert!(returned.duration_since(cancelled_at) < Duration::from_millis(500));
    }
}

#[test]
fn panic_becomes_error_and_pool_survives() {
    let c = CancelToken::new();
    let mut b = PlanBuilder::new();
    let name = b.intern("boom");
    let a = b.push(add_op(1), name, &[], 0).unwrap();
    let p = b
        .push(task_fn(|_| panic!("kaboom")), name, &[a], 0)
        .unwrap();
    let plan = b.build();
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        match s.execute(&plan, &[p], &opts(&c)) {
            Err(SchedError::Panicked { key, op, message }) => {
                assert_eq!(
                    (key.as_str(), &*op, message.as_str()),
                    ("#1", "boom", "kaboom")
                );
            }
            other => panic!("expected panic error, got {other:?}"),
        }
        // The same pool still runs work afterwards.
        let (plan2, outs) = random_plan(7, 100);
        let got = s.execute(&plan2, &outs, &opts(&c)).unwrap();
        assert_eq!(
            got.iter().map(val).collect::<Vec<_>>(),
            reference(&plan2, &outs)
        );
    }
}

#[derive(Debug, thiserror::Error)]
#[error("bad input {0}")]
struct MyErr(u32);

#[test]
fn first_error_aborts_the_run() {
    let c = CancelToken::new();
    let started = Arc::new(AtomicUsize::new(0));
    let mut b = PlanBuilder::new();
    let name = b.intern("t");
    let fail_at = 10;
    for i in 0..1000u32 {
        let st = started.clone();
        b.push(
            task_fn(move |_| {
                st.fetch_add(1, Ordering::SeqCst);
                if i == fail_at {
                    return Err(MyErr(i).into());
                }
                std::thread::sleep(Duration::from_millis(2));
                Ok(datum(0u64))
            }),
            name,
            &[],
            0,
        )
        .unwrap();
    }
    let plan = b.build();
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        started.store(0, Ordering::SeqCst);
        match s.execute(&plan, &[0], &opts(&c)) {
            Err(SchedError::TaskFailed { source, .. }) => {
                assert_eq!(source.downcast_ref::<MyErr>().map(|e| e.0), Some(fail_at));
            }
            other => panic!("expected failure, got {other:?}"),
        }
        assert!(started.load(Ordering::SeqCst) < 100, "{s:?}");
    }
}

#[derive(Default)]
struct Recorder {
    started: AtomicUsize,
    progress: AtomicUsize,
    last_done: AtomicUsize,
    finished_ok: AtomicUsize,
}
impl EventSink for Recorder {
    fn started(&self, total: usize) {
        self.started.store(total, Ordering::SeqCst);
    }
    fn progress(&self, p: Progress) {
        self.progress.fetch_add(1, Ordering::SeqCst);
        self.last_done.fetch_max(p.done, Ordering::SeqCst);
    }
    fn finished(&self, p: Progress, ok: bool) {
        assert_eq!(p.done, p.total);
        self.finished_ok.fetch_add(ok as usize, Ordering::SeqCst);
    }
}

#[test]
fn events_are_throttled() {
    let c = CancelToken::new();
    let started = Arc::new(AtomicUsize::new(0));
    let plan = sleepy_plan(100, &started); // about 200 ms of work on one thread
    let rec = Recorder::default();
    let o = ExecOptions {
        cancel: c.clone(),
        events: Some(&rec),
    };
    Scheduler::Sync.execute(&plan, &[0], &o).unwrap();
    assert_eq!(rec.started.load(Ordering::SeqCst), 100);
    let n = rec.progress.load(Ordering::SeqCst);
    assert!((1..=8).contains(&n), "{n} progress calls");
    // Progress comes from the run itself, not only from the end-of-run call
    // (whether the last task also reports depends on timing).
    assert!(rec.last_done.load(Ordering::SeqCst) >= 1);
    assert_eq!(rec.finished_ok.load(Ordering::SeqCst), 1);
}

#[test]
fn bad_output_is_an_error() {
    let c = CancelToken::new();
    let (plan, _) = random_plan(1, 5);
    assert!(matches!(
        Scheduler::Sync.execute(&plan, &[9], &opts(&c)),
        Err(SchedError::Plan(PlanError::UnknownOutput(9)))
    ));
}

#[test]
fn long_tasks_see_the_current_token() {
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        let c = CancelToken::new();
        let mut b = PlanBuilder::new();
        let name = b.intern("spin");
        let c_in = c.clone();
        let t = b
            .push(
                task_fn(move |_| {
                    assert!(CancelToken::current().is_some_and(|t| t.same(&c_in)));
                    let t0 = Instant::now();
                    while !CancelToken::current_cancelled() {
                        if t0.elapsed() > Duration::from_secs(5) {
                            return Err("never saw the cancel".into());
                        }
                        std::hint::spin_loop();
                    }
                    Ok(datum(1u64))
                }),
                name,
                &[],
                0,
            )
            .unwrap();
        b.push(add_op(0), name, &[t], 0).unwrap();
        let plan = b.build();
        let c2 = c.clone();
        let h = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(20));
            c2.cancel();
        });
        let t0 = Instant::now();
        let r = s.execute(&plan, &[1], &opts(&c));
        h.join().unwrap();
        assert!(matches!(r, Err(SchedError::Cancelled)), "{s:?}: {r:?}");
        assert!(t0.elapsed() < Duration::from_secs(1));
        assert!(!CancelToken::current_cancelled() || s != Scheduler::Sync);
    }
}

#[test]
fn scheduler_names() {
    assert_eq!(
        Scheduler::from_name("synchronous", Some(3)),
        Some(Scheduler::Sync)
    );
    assert_eq!(
        Scheduler::from_name("threads", Some(3)),
        Some(Scheduler::Threads { num_workers: 3 })
    );
    assert_eq!(
        Scheduler::from_name("threading", None).map(|s| s.workers() >= 1),
        Some(true)
    );
    assert_eq!(Scheduler::from_name("processes", None), None);
}

#[test]
fn empty_plan_runs() {
    let c = CancelToken::new();
    let plan = PlanBuilder::new().build();
    for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
        let r = s.run(&plan, &[], &opts(&c)).unwrap();
        assert!(r.values.is_empty());
        assert_eq!(r.profile.total, 0);
    }
}

/// A progress display that panics at one point of the run.
struct PanickingSink {
    at: &'static str,
    finished: AtomicUsize,
}
impl EventSink for PanickingSink {
    fn started(&self, _total: usize) {
        if self.at == "started" {
            panic!("display broke at start");
        }
    }
    fn progress(&self, _p: Progress) {
        if self.at == "progress" {
            panic!("display broke mid-run");
        }
    }
    fn finished(&self, _p: Progress, _ok: bool) {
        self.finished.fetch_add(1, Ordering::SeqCst);
        if self.at == "finished" {
            panic!("display broke at the end");
        }
    }
}

#[test]
fn a_panic_outside_the_task_fails_the_run_instead_of_unwinding_or_hanging() {
    let c = CancelToken::new();
    let started = Arc::new(AtomicUsize::new(0));
    // ~200 ms of sleeping tasks: long enough for a throttled progress call.
    let plan = sleepy_plan(100, &started);
    for at in ["started", "progress"] {
        for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
            let sink = PanickingSink {
                at,
                finished: AtomicUsize::new(0),
            };
            let o = ExecOptions {
                cancel: c.clone(),
                events: Some(&sink),
            };
            match s.execute(&plan, &[0], &o) {
                Err(SchedError::Panicked { key, op, message }) => {
                    assert_eq!((key.as_str(), &*op), ("progress display", "scheduler"));
                    assert!(message.starts_with("display broke"), "{message}");
                }
                other => panic!("{at} {s:?}: expected a panic error, got {other:?}"),
            }
            assert_eq!(sink.finished.load(Ordering::SeqCst), 1, "{at} {s:?}");
        }
    }
    // A display failing in its end-of-run call loses neither the result nor the pool.
    let sink = PanickingSink {
        at: "finished",
        finished: AtomicUsize::new(0),
    };
    let (plan2, outs) = random_plan(3, 50);
    let o = ExecOptions {
        cancel: c.clone(),
        events: Some(&sink),
    };
    let got = Scheduler::Threads { num_workers: 2 }
        .execute(&plan2, &outs, &o)
        .unwrap();
    assert_eq!(
        got.iter().map(val).collect::<Vec<_>>(),
        reference(&plan2, &outs)
    );
}
