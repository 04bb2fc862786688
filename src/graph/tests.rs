//! Graph tests: merge, cull, fuse, order (peak memory), layers, lowering.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::*;
use crate::sched::{CancelToken, ExecOptions, Scheduler};

fn val(d: &Datum) -> u64 {
    *d.downcast_ref::<u64>().expect("u64")
}

fn sum_op() -> Arc<dyn TaskFn> {
    task_fn(|ins| Ok(datum(ins.iter().map(val).sum::<u64>())))
}

fn konst(v: u64) -> Arc<dyn TaskFn> {
    task_fn(move |_| Ok(datum(v)))
}

fn run(l: &Lowered, s: Scheduler) -> crate::sched::Computed {
    let c = CancelToken::new();
    s.run(
        &l.plan,
        &l.outputs,
        &ExecOptions {
            cancel: c.clone(),
            events: None,
        },
    )
    .unwrap()
}

#[test]
fn merge_dedups_identical_keys() {
    let mut a = TaskGraph::new();
    a.insert(Key::new("x", &[0]), Task::new("x", konst(1), vec![]));
    a.insert(
        Key::new("y", &[0]),
        Task::from_keys("y", sum_op(), &[Key::new("x", &[0])]),
    );
    let mut b = TaskGraph::new();
    b.insert(Key::new("x", &[0]), Task::new("x", konst(1), vec![]));
    b.insert(
        Key::new("z", &[0]),
        Task::from_keys("z", sum_op(), &[Key::new("x", &[0])]),
    );
    assert!(!b.insert(Key::new("x", &[0]), Task::new("x", konst(7), vec![])));
    a.merge(b);
    assert_eq!(a.len(), 3);
    assert_eq!(
        a.sinks().unwrap(),
        vec![Key::new("y", &[0]), Key::new("z", &[0])]
    );
}

/// A 4×4-chunk array `x`, `y = x * 10` per chunk, counting op calls.
fn grid(calls: &Arc<AtomicUsize>) -> TaskGraph {
    let mut g = TaskGraph::new();
    let xn: Arc<str> = Arc::from("x-00");
    let yn: Arc<str> = Arc::from("mul-00");
    for i in 0..4u32 {
        for j in 0..4u32 {
            let c = calls.clone();
            let v = (i * 4 + j) as u64;
            g.insert(
                Key::block(&xn, &[i, j]),
                Task::new(
                    "x",
                    task_fn(move |_| {
                        c.fetch_add(1, Ordering::SeqCst);
                        Ok(datum(v))
                    }),
                    vec![],
                ),
            );
            let c = calls.clone();
            g.insert(
                Key::block(&yn, &[i, j]),
                Task::from_keys(
                    "mul",
                    task_fn(move |ins| {
                        c.fetch_add(1, Ordering::SeqCst);
                        Ok(datum(val(&ins[0]) * 10))
                    }),
                    &[Key::block(&xn, &[i, j])],
                ),
            );
        }
    }
    g
}

#[test]
fn cull_keeps_only_needed_keys() {
    let calls = Arc::new(AtomicUsize::new(0));
    let out = Key::new("mul-00", &[2, 3]);
    let l = compile(
        grid(&calls),
        std::slice::from_ref(&out),
        &Pipeline::unfused(),
    )
    .unwrap();
    assert_eq!(l.stats.culled, 30);
    assert_eq!(l.plan.len(), 2);
    let mut keys: Vec<String> = l.keys.iter().map(|k| k.to_string()).collect();
    keys.sort();
    assert_eq!(keys, ["('mul-00', 2, 3)", "('x-00', 2, 3)"]);
    let r = run(&l, Scheduler::Sync);
    assert_eq!(val(&r.values[0]), 110);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn fuse_merges_chains_and_keeps_output_keys() {
    let calls = Arc::new(AtomicUsize::new(0));
    let outs: Vec<Key> = (0..4).map(|j| Key::new("mul-00", &[0, j])).collect();
    let l = compile(grid(&calls), &outs, &Pipeline::standard()).unwrap();
    assert_eq!(l.stats.culled, 24);
    assert_eq!(l.stats.fused, 4);
    assert_eq!(l.plan.len(), 4);
    assert_eq!(&**l.plan.op_name(0), "x-mul");
    assert!(l
        .outputs
        .iter()
        .all(|&o| l.keys[o as usize].name() == "mul-00"));
    let r = run(&l, Scheduler::Threads { num_workers: 2 });
    assert_eq!(
        r.values.iter().map(val).collect::<Vec<_>>(),
        [0, 10, 20, 30]
    );
    assert_eq!(r.profile.per_op()[0].count, 4);
}

#[test]
fn fuse_leaves_shared_inputs_outputs_and_literals_right() {
    // a -> b -> c, a -> d; b is also requested; c and e use literals.
    let mut g = TaskGraph::new();
    let k = |s: &str| Key::named(s);
    let lit = |v: u64| Input::Literal(datum(v));
    g.insert(k("a"), Task::new("a", konst(1), vec![]));
    g.insert(
        k("b"),
        Task::new("b", sum_op(), vec![k("a").into(), lit(2)]),
    );
    g.insert(
        k("c"),
        Task::new("c", sum_op(), vec![lit(100), k("b").into()]),
    );
    g.insert(k("d"), Task::new("d", sum_op(), vec![k("a").into()]));
    g.insert(
        k("e"),
        Task::new("e", sum_op(), vec![k("d").into(), lit(5)]),
    );
    g.insert(k("f"), Task::new("f", sum_op(), vec![k("e").into()]));
    let outs = [k("c"), k("b"), k("f")];
    let fused = compile(g.clone(), &outs, &Pipeline::standard()).unwrap();
    // Only d -> e -> f fuse: a has two users, b is an output.
    assert_eq!(fused.stats.fused, 2);
    assert_eq!(fused.plan.len(), 4);
    let plain = compile(g, &outs, &Pipeline::empty()).unwrap();
    let want = [103, 3, 6];
    for l in [&fused, &plain] {
        for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
            assert_eq!(run(l, s).values.iter().map(val).collect::<Vec<_>>(), want);
        }
    }
}

/// A sum tree reduction of `n` leaves with fan-in 4, tasks inserted
/// breadth-first (all leaves first), as a naive lowering would.
fn tree(n: u32) -> (TaskGraph, Key) {
    let mut g = TaskGraph::new();
    let mut level: Vec<Key> = (0..n).map(|i| Key::new("leaf", &[i])).collect();
    for (i, k) in level.iter().enumerate() {
        g.insert(
            k.clone(),
            Task::new("leaf", konst(i as u64), vec![]).with_bytes(100),
        );
    }
    let mut depth = 0;
    while level.len() > 1 {
        depth += 1;
        let name: Arc<str> = Arc::from(format!("agg{depth}"));
        level = level
            .chunks(4)
            .enumerate()
            .map(|(i, group)| {
                let k = Key::block(&name, &[i as u32]);
                g.insert(
                    k.clone(),
                    Task::from_keys("agg", sum_op(), group).with_bytes(100),
                );
                k
            })
            .collect();
    }
    (g, level.pop().unwrap())
}

#[test]
fn order_keeps_tree_reduction_memory_small() {
    let (g, root) = tree(100);
    let want = (0..100u64).sum::<u64>();
    // Breadth-first (insertion) order holds every leaf at once.
    let mut w = Work::new(g.clone(), vec![root.clone()]).unwrap();
    w.order = Some((0..g.len() as u32).collect());
    let bfs = lower(w).unwrap();
    let r = run(&bfs, Scheduler::Sync);
    assert_eq!(val(&r.values[0]), want);
    assert!(r.profile.peak_live_results >= 100);
    // Depth-first order: at most (fan-in - 1) per level + one group in flight.
    let l = compile(g, &[root], &Pipeline::unfused()).unwrap();
    let bound = 3 * 4 + 5;
    for (s, limit) in [
        (Scheduler::Sync, bound),
        (Scheduler::Threads { num_workers: 1 }, bound),
        (Scheduler::Threads { num_workers: 2 }, 2 * 2 + bound),
    ] {
        let r = run(&l, s);
        assert_eq!(val(&r.values[0]), want);
        let peak = r.profile.peak_live_results;
        assert!(peak <= limit, "{s:?}: peak {peak} > {limit}");
        assert_eq!(r.profile.peak_live_bytes, 100 * peak as u64);
    }
}

#[test]
fn order_puts_big_subtree_first() {
    // root(small, big): big is a deep chain + fan-in; it should run first.
    let mut g = TaskGraph::new();
    let k = |s: &str| Key::named(s);
    g.insert(k("s"), Task::new("s", konst(1), vec![]));
    for i in 0..3 {
        g.insert(k(&format!("l{i}")), Task::new("l", konst(1), vec![]));
    }
    g.insert(
        k("big"),
        Task::from_keys("big", sum_op(), &[k("l0"), k("l1"), k("l2")]),
    );
    g.insert(
        k("root"),
        Task::from_keys("root", sum_op(), &[k("s"), k("big")]),
    );
    let mut w = Work::new(g, vec![k("root")]).unwrap();
    optimize::order::order(&mut w).unwrap();
    let names: Vec<String> = w
        .order
        .unwrap()
        .iter()
        .map(|&i| w.graph.nodes()[i as usize].key.to_string())
        .collect();
    assert_eq!(names, ["l0", "l1", "l2", "big", "s", "root"]);
}

#[test]
fn errors_for_missing_keys_and_cycles() {
    let mut g = TaskGraph::new();
    g.insert(
        Key::named("a"),
        Task::from_keys("a", sum_op(), &[Key::named("nope")]),
    );
    assert!(matches!(
        compile(g.clone(), &[Key::named("a")], &Pipeline::standard()),
        Err(GraphError::MissingDependency { .. })
    ));
    assert!(matches!(
        compile(g, &[Key::named("zz")], &Pipeline::standard()),
        Err(GraphError::UnknownOutput(_))
    ));
    let mut g = TaskGraph::new();
    g.insert(
        Key::named("a"),
        Task::from_keys("a", sum_op(), &[Key::named("b")]),
    );
    g.insert(
        Key::named("b"),
        Task::from_keys("b", sum_op(), &[Key::named("a")]),
    );
    assert!(matches!(
        compile(g, &[Key::named("a")], &Pipeline::standard()),
        Err(GraphError::Cycle(_))
    ));
}

#[test]
fn layers_are_topological_depths() {
    let (g, _) = tree(10);
    let d = layers::depths(&g).unwrap();
    assert_eq!(&d[..10], &[0; 10]);
    let l = layers::layers(&g).unwrap();
    assert_eq!(l.iter().map(Vec::len).collect::<Vec<_>>(), [10, 3, 1]);
}

#[test]
fn error_messages_name_the_key() {
    let mut g = TaskGraph::new();
    g.insert(
        Key::new("x", &[0, 1]),
        Task::new("x", task_fn(|_| Err("bad chunk".into())), vec![]),
    );
    let l = compile(g, &[Key::new("x", &[0, 1])], &Pipeline::standard()).unwrap();
    let c = CancelToken::new();
    let e = Scheduler::Sync
        .execute(
            &l.plan,
            &l.outputs,
            &ExecOptions {
                cancel: c.clone(),
                events: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.to_string(), "task ('x', 0, 1) (x) failed: bad chunk");
}

/// Deterministic pseudo-random numbers for generated graphs.
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

/// An order-sensitive combination, so argument order and fusion mistakes show.
fn mix_op(seed: u64) -> Arc<dyn TaskFn> {
    task_fn(move |ins| {
        Ok(datum(ins.iter().fold(seed, |a, d| {
            a.wrapping_mul(1_000_003).wrapping_add(val(d))
        })))
    })
}

/// A random keyed DAG (with literal arguments and chains), inserted in a
/// scrambled order, plus random outputs and the expected output values.
fn random_graph(seed: u64) -> (TaskGraph, Vec<Key>, Vec<u64>) {
    let mut r = Lcg(seed);
    let n = 2 + (r.next() % 120) as usize;
    let mut tasks: Vec<(Key, Task)> = Vec::new();
    let mut values: Vec<u64> = Vec::new();
    for i in 0..n {
        let key = Key::new(format!("t{}", i % 7), &[i as u32]);
        let k = if i == 0 { 0 } else { r.next() % 4 };
        let mut inputs = Vec::new();
        let mut args = Vec::new();
        for _ in 0..k {
            // Prefer the previous task, to make chains.
            let j = if r.next().is_multiple_of(2) {
                i - 1
            } else {
                (r.next() % i as u64) as usize
            };
            inputs.push(Input::Key(tasks[j].0.clone()));
            args.push(values[j]);
        }
        if r.next().is_multiple_of(3) {
            let lit = r.next();
            let at = (r.next() % (inputs.len() as u64 + 1)) as usize;
            inputs.insert(at, Input::Literal(datum(lit)));
            args.insert(at, lit);
        }
        let s = r.next();
        let v = args
            .iter()
            .fold(s, |a, &d| a.wrapping_mul(1_000_003).wrapping_add(d));
        values.push(v);
        tasks.push((key, Task::new(format!("op{}", i % 3), mix_op(s), inputs)));
    }
    let mut outs = Vec::new();
    let mut want = Vec::new();
    for i in 0..n {
        if i == n - 1 || r.next().is_multiple_of(6) {
            outs.push(tasks[i].0.clone());
            want.push(values[i]);
        }
    }
    let mut g = TaskGraph::new();
    let mut idx: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        idx.swap(i, (r.next() % (i as u64 + 1)) as usize);
    }
    for i in idx {
        g.insert(tasks[i].0.clone(), tasks[i].1.clone());
    }
    (g, outs, want)
}

#[test]
fn passes_preserve_results_on_random_graphs() {
    let (mut fused, mut culled) = (0, 0);
    for seed in 0..60 {
        let (g, outs, want) = random_graph(seed);
        for pipe in [Pipeline::standard(), Pipeline::unfused(), Pipeline::empty()] {
            let mut w = Work::new(g.clone(), outs.clone()).unwrap();
            pipe.run(&mut w).unwrap();
            fused += w.stats.fused;
            culled += w.stats.culled;
            // The edges carried through the passes match a fresh resolution.
            w.ensure_topology().unwrap();
            let fresh = Topology::of(&w.graph).unwrap();
            for i in 0..w.graph.len() as u32 {
                assert_eq!(w.topo().deps(i), fresh.deps(i), "seed {seed}");
            }
            let l = lower(w).unwrap();
            for s in [Scheduler::Sync, Scheduler::Threads { num_workers: 2 }] {
                let got: Vec<u64> = run(&l, s).values.iter().map(val).collect();
                assert_eq!(got, want, "seed {seed} {:?} {s:?}", pipe.names());
            }
        }
    }
    // The generated graphs do exercise both rewriting passes.
    assert!(fused > 50 && culled > 50, "fused {fused}, culled {culled}");
}

#[test]
fn order_is_topological_and_complete() {
    for seed in 0..30 {
        let (g, outs, _) = random_graph(seed);
        let mut w = Work::new(g, outs).unwrap();
        optimize::order::order(&mut w).unwrap();
        w.ensure_topology().unwrap();
        let order = w.order.clone().unwrap();
        let mut pos = vec![usize::MAX; w.graph.len()];
        for (p, &i) in order.iter().enumerate() {
            assert_eq!(pos[i as usize], usize::MAX, "placed twice");
            pos[i as usize] = p;
        }
        for i in 0..w.graph.len() as u32 {
            for &d in w.topo().deps(i) {
                assert!(pos[d as usize] < pos[i as usize], "seed {seed}");
            }
        }
    }
}
