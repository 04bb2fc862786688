//! Per-task scheduler overhead (W3-style) and graph build + lowering (W10-style).
//! Run: `cargo bench --bench sched_overhead`. Prints tables; no criterion.
#![allow(clippy::print_stdout)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use tessera::graph::{compile, datum, task_fn, Key, Pipeline, Task, TaskGraph};
use tessera::sched::{
    CancelToken, Datum, ExecOptions, Plan, PlanBuilder, Scheduler, TaskFn, TaskId,
};

fn noop() -> Arc<dyn TaskFn> {
    task_fn(|ins: &[Datum]| Ok(datum(ins.len() as u64)))
}

/// t0 → t1 → … → t(n-1).
fn chain(n: usize) -> (Plan, Vec<TaskId>) {
    let mut b = PlanBuilder::with_capacity(n, n);
    let name = b.intern("chain");
    let op = noop();
    let mut prev = b.push(op.clone(), name, &[], 8).unwrap();
    for _ in 1..n {
        prev = b.push(op.clone(), name, &[prev], 8).unwrap();
    }
    (b.build(), vec![prev])
}

/// One root feeding n-1 independent leaves, all of them outputs.
fn fanout(n: usize) -> (Plan, Vec<TaskId>) {
    let mut b = PlanBuilder::with_capacity(n, n);
    let name = b.intern("fanout");
    let op = noop();
    let root = b.push(op.clone(), name, &[], 8).unwrap();
    let outs = (1..n)
        .map(|_| b.push(op.clone(), name, &[root], 8).unwrap())
        .collect();
    (b.build(), outs)
}

/// A fan-in-4 reduction tree with about n tasks in total, in depth-first order.
fn tree(n: usize) -> (Plan, Vec<TaskId>) {
    fn build(b: &mut PlanBuilder, op: &Arc<dyn TaskFn>, name: u32, leaves: usize) -> TaskId {
        if leaves <= 1 {
            return b.push(op.clone(), name, &[], 8).unwrap();
        }
        let per = leaves.div_ceil(4);
        let mut kids = Vec::new();
        let mut left = leaves;
        while left > 0 {
            let k = per.min(left);
            kids.push(build(b, op, name, k));
            left -= k;
        }
        b.push(op.clone(), name, &kids, 8).unwrap()
    }
    let mut b = PlanBuilder::with_capacity(n, n);
    let name = b.intern("tree");
    let op = noop();
    let root = build(&mut b, &op, name, n * 3 / 4);
    (b.build(), vec![root])
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time_exec(plan: &Plan, outs: &[TaskId], s: Scheduler, reps: usize) -> Duration {
    let c = CancelToken::new();
    let o = ExecOptions {
        cancel: c.clone(),
        events: None,
    };
    s.execute(plan, outs, &o).unwrap(); // warm the pool and the allocator
    median(
        (0..reps)
            .map(|_| {
                let t = Instant::now();
                let r = s.execute(plan, outs, &o).unwrap();
                let d = t.elapsed();
                drop(r);
                d
            })
            .collect(),
    )
}

/// The W10 shape: y = (x + x.T).sum(axis=0), x ones 100000² in 1000² chunks:
/// 10⁴ ones, 10⁴ transposes, 10⁴ adds, 10⁴ partial sums, 100 columns × 35
/// aggregate tasks (fan-in 4) = 43,500 tasks.
fn w10_graph() -> (TaskGraph, Vec<Key>) {
    let nb = 100u32;
    let mut g = TaskGraph::with_capacity(43_500);
    let op = noop();
    let ones: Arc<str> = Arc::from("ones_like-0123456789abcdef0123456789abcdef");
    let tr: Arc<str> = Arc::from("transpose-0123456789abcdef0123456789abcdef");
    let add: Arc<str> = Arc::from("add-0123456789abcdef0123456789abcdef");
    let part: Arc<str> = Arc::from("sum-partial-0123456789abcdef0123456789abcdef");
    let (n_ones, n_tr, n_add, n_part): (Arc<str>, Arc<str>, Arc<str>, Arc<str>) = (
        "ones_like".into(),
        "transpose".into(),
        "add".into(),
        "sum-partial".into(),
    );
    for i in 0..nb {
        for j in 0..nb {
            g.insert(
                Key::block(&ones, &[i, j]),
                Task::new(n_ones.clone(), op.clone(), vec![]).with_bytes(8_000_000),
            );
        }
    }
    for i in 0..nb {
        for j in 0..nb {
            g.insert(
                Key::block(&tr, &[i, j]),
                Task::from_keys(n_tr.clone(), op.clone(), &[Key::block(&ones, &[j, i])]),
            );
            g.insert(
                Key::block(&add, &[i, j]),
                Task::from_keys(
                    n_add.clone(),
                    op.clone(),
                    &[Key::block(&ones, &[i, j]), Key::block(&tr, &[i, j])],
                ),
            );
            g.insert(
                Key::block(&part, &[i, j]),
                Task::from_keys(n_part.clone(), op.clone(), &[Key::block(&add, &[i, j])]),
            );
        }
    }
    let n_agg: Arc<str> = "sum-aggregate".into();
    let mut outs = Vec::new();
    for j in 0..nb {
        let mut level: Vec<Key> = (0..nb).map(|i| Key::block(&part, &[i, j])).collect();
        let mut depth = 0;
        while level.len() > 1 {
            depth += 1;
            let name: Arc<str> = Arc::from(format!("sum-aggregate{depth}-0123456789abcdef"));
            level = level
                .chunks(4)
                .enumerate()
                .map(|(k, grp)| {
                    let key = Key::block(&name, &[k as u32, j]);
                    g.insert(key.clone(), Task::from_keys(n_agg.clone(), op.clone(), grp));
                    key
                })
                .collect();
        }
        outs.push(level.pop().unwrap());
    }
    (g, outs)
}

fn main() {
    println!("Per-task overhead, no-op tasks (median of 5 runs, execute only)");
    println!("| shape  | tasks  | sync µs/task | threads(2) µs/task | sync ms | threads(2) ms |");
    println!("|--------|--------|--------------|--------------------|---------|---------------|");
    for (name, f) in [
        ("chain", chain as fn(usize) -> (Plan, Vec<TaskId>)),
        ("fanout", fanout),
        ("tree", tree),
    ] {
        for n in [10_000usize, 100_000] {
            let (plan, outs) = f(n);
            let s = time_exec(&plan, &outs, Scheduler::Sync, 5);
            let t = time_exec(&plan, &outs, Scheduler::Threads { num_workers: 2 }, 5);
            let per = |d: Duration| d.as_secs_f64() * 1e6 / plan.len() as f64;
            println!(
                "| {name:<6} | {:>6} | {:>12.3} | {:>18.3} | {:>7.2} | {:>13.2} |",
                plan.len(),
                per(s),
                per(t),
                s.as_secs_f64() * 1e3,
                t.as_secs_f64() * 1e3
            );
        }
    }

    println!();
    println!("W10-shaped graph: build TaskGraph + compile (cull, fuse, order, lower), median of 5");
    let mut build = Vec::new();
    let mut comp = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let (g, outs) = w10_graph();
        let t1 = Instant::now();
        let l = compile(g, &outs, &Pipeline::standard()).unwrap();
        let t2 = Instant::now();
        build.push(t1 - t);
        comp.push(t2 - t1);
        last = Some(l);
    }
    let l = last.unwrap();
    let (b, c) = (median(build), median(comp));
    println!("| tasks in | plan tasks | fused | build ms | compile ms | total ms | goal ms |");
    println!("|----------|------------|-------|----------|------------|----------|---------|");
    println!(
        "| {:>8} | {:>10} | {:>5} | {:>8.2} | {:>10.2} | {:>8.2} | {:>7} |",
        43_500,
        l.plan.len(),
        l.stats.fused,
        b.as_secs_f64() * 1e3,
        c.as_secs_f64() * 1e3,
        (b + c).as_secs_f64() * 1e3,
        50
    );
    for p in &l.log {
        println!(
            "  pass {:<5} {:>6} -> {:>6} tasks in {:.2} ms",
            p.name,
            p.before,
            p.after,
            p.elapsed.as_secs_f64() * 1e3
        );
    }
    let s = time_exec(&l.plan, &l.outputs, Scheduler::Sync, 3);
    let t = time_exec(
        &l.plan,
        &l.outputs,
        Scheduler::Threads { num_workers: 2 },
        3,
    );
    println!(
        "  execute (no-op ops): sync {:.2} ms, threads(2) {:.2} ms",
        s.as_secs_f64() * 1e3,
        t.as_secs_f64() * 1e3
    );
}
