//! Lazy calls (`dask.delayed`): a DAG of calls shared through `Arc`, built in
//! O(1) per call, with Dask's key rules (impure calls get fresh keys, pure
//! calls and operators hash their inputs). Knows nothing of Python: the
//! dialect supplies each call's operation as a `TaskFn`.

use crate::graph::{Input, Key, Task, TaskFn, TaskGraph, Token};
use crate::sched::Datum;
use std::collections::HashSet;
use std::sync::Arc;

/// How a call's key is chosen.
#[derive(Clone, Debug)]
pub enum KeyRule {
    /// Deterministic: `prefix-<token>` where the token hashes the function and arguments.
    Pure(Token),
    /// A fresh `prefix-<uuid>` (Dask's default for calls: calling twice runs twice).
    Impure,
    /// Exactly this key (`dask_key_name=`).
    Named(String),
}

/// One node: the operation, its inputs, and how many outputs it unpacks into.
pub struct DelayedNode {
    key: Key,
    op_name: Arc<str>,
    op: Arc<dyn TaskFn>,
    /// Keys the computing caller supplies (e.g. an execution context), before `deps`.
    leading: Vec<Key>,
    deps: Vec<Delayed>,
    nout: Option<usize>,
}

impl Drop for DelayedNode {
    /// Unlink long chains iteratively: the default recursive drop would
    /// overflow the stack on a 100,000-call chain.
    fn drop(&mut self) {
        let mut stack: Vec<Delayed> = std::mem::take(&mut self.deps);
        while let Some(d) = stack.pop() {
            if let Ok(mut node) = Arc::try_unwrap(d.0) {
                stack.append(&mut node.deps);
            }
        }
    }
}

/// A lazy value: cheap to clone, computed when asked.
#[derive(Clone)]
pub struct Delayed(Arc<DelayedNode>);

impl std::fmt::Debug for Delayed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Delayed({:?})", self.key().name())
    }
}

/// A key named `prefix-<token or uuid>` following `rule`.
pub fn make_key(prefix: &str, rule: &KeyRule) -> Key {
    match rule {
        KeyRule::Pure(t) => Key::named(t.name(prefix)),
        KeyRule::Impure => Key::named(format!("{prefix}-{}", uuid::Uuid::new_v4().simple())),
        KeyRule::Named(k) => Key::named(k.as_str()),
    }
}

impl Delayed {
    /// A value wrapped as a lazy leaf (`delayed(obj)`), keyed by `token`.
    pub fn literal(prefix: &str, value: Datum, rule: &KeyRule) -> Self {
        Self(Arc::new(DelayedNode {
            key: make_key(prefix, rule),
            op_name: Arc::from(prefix),
            op: Arc::new(crate::sched::Const(value)),
            leading: Vec::new(),
            deps: Vec::new(),
            nout: None,
        }))
    }

    /// A call of `op` on the results of `deps` (in order); `op_name` labels it in graphs.
    pub fn call(
        op_name: &str,
        op: Arc<dyn TaskFn>,
        deps: Vec<Delayed>,
        rule: &KeyRule,
        nout: Option<usize>,
    ) -> Self {
        Self::call_with_inputs(op_name, op, Vec::new(), deps, rule, nout)
    }

    /// A call whose task also reads `leading` keys (supplied by whoever computes
    /// the graph) before the results of `deps`.
    pub fn call_with_inputs(
        op_name: &str,
        op: Arc<dyn TaskFn>,
        leading: Vec<Key>,
        deps: Vec<Delayed>,
        rule: &KeyRule,
        nout: Option<usize>,
    ) -> Self {
        Self(Arc::new(DelayedNode {
            key: make_key(op_name, rule),
            op_name: Arc::from(op_name),
            op,
            leading,
            deps,
            nout,
        }))
    }

    /// The key of this value's task.
    pub fn key(&self) -> &Key {
        &self.0.key
    }

    /// The operation name shown in graphs and profiles.
    pub fn op_name(&self) -> &str {
        &self.0.op_name
    }

    /// Declared number of outputs (`nout=`), which makes the value unpackable.
    pub fn nout(&self) -> Option<usize> {
        self.0.nout
    }

    /// Direct inputs.
    pub fn deps(&self) -> &[Delayed] {
        &self.0.deps
    }

    /// The task graph of all `outputs` together; shared nodes appear once.
    /// Iterative, so very long chains do not exhaust the stack.
    pub fn to_graph(outputs: &[Delayed]) -> TaskGraph {
        let mut g = TaskGraph::new();
        let mut seen: HashSet<Key> = HashSet::new();
        let mut stack: Vec<Delayed> = outputs.to_vec();
        while let Some(d) = stack.pop() {
            if !seen.insert(d.key().clone()) {
                continue;
            }
            let inputs =
                d.0.leading
                    .iter()
                    .cloned()
                    .chain(d.deps().iter().map(|x| x.key().clone()))
                    .map(Input::Key)
                    .collect();
            g.insert(
                d.key().clone(),
                Task::new(d.0.op_name.clone(), d.0.op.clone(), inputs),
            );
            stack.extend(d.deps().iter().filter(|x| !seen.contains(x.key())).cloned());
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{compile, tokenize::Tokenizer, Pipeline};
    use crate::sched::{datum, task_fn, CancelToken, ExecOptions, Scheduler};
    use std::time::{Duration, Instant};

    fn int(d: &Datum) -> i64 {
        *d.downcast_ref::<i64>().unwrap()
    }

    fn sleepy(delta: i64) -> Arc<dyn TaskFn> {
        task_fn(move |inputs: &[Datum]| {
            std::thread::sleep(Duration::from_millis(100));
            Ok(datum(inputs.iter().map(int).sum::<i64>() + delta))
        })
    }

    fn run(out: &[Delayed], sched: Scheduler) -> Vec<i64> {
        let g = Delayed::to_graph(out);
        let keys: Vec<Key> = out.iter().map(|d| d.key().clone()).collect();
        let lowered = compile(g, &keys, &Pipeline::standard()).unwrap();
        let cancel = CancelToken::new();
        let opts = ExecOptions::new(cancel.clone());
        sched
            .execute(&lowered.plan, &lowered.outputs, &opts)
            .unwrap()
            .iter()
            .map(int)
            .collect()
    }

    #[test]
    fn independent_calls_run_in_parallel() {
        let one = Delayed::literal(
            "int",
            datum(1i64),
            &KeyRule::Pure(Tokenizer::new().i64(1).finish()),
        );
        let two = Delayed::literal(
            "int",
            datum(2i64),
            &KeyRule::Pure(Tokenizer::new().i64(2).finish()),
        );
        let a = Delayed::call("inc", sleepy(1), vec![one], &KeyRule::Impure, None);
        let b = Delayed::call("inc", sleepy(1), vec![two], &KeyRule::Impure, None);
        let total = Delayed::call("add", sleepy(0), vec![a, b], &KeyRule::Impure, None);
        let t = Instant::now();
        assert_eq!(
            run(&[total], Scheduler::Threads { num_workers: 2 }),
            vec![5]
        );
        let el = t.elapsed();
        assert!(
            el < Duration::from_millis(290),
            "{el:?}: inc calls did not overlap"
        );
    }

    #[test]
    fn impure_calls_get_fresh_keys_pure_calls_share() {
        let x = Delayed::literal("x", datum(1i64), &KeyRule::Impure);
        let a = Delayed::call("inc", sleepy(1), vec![x.clone()], &KeyRule::Impure, None);
        let b = Delayed::call("inc", sleepy(1), vec![x.clone()], &KeyRule::Impure, None);
        assert_ne!(a.key(), b.key());
        let t = Tokenizer::new().str("inc").str(x.key().name()).finish();
        let c = Delayed::call("inc", sleepy(1), vec![x.clone()], &KeyRule::Pure(t), None);
        let d = Delayed::call("inc", sleepy(1), vec![x], &KeyRule::Pure(t), None);
        assert_eq!(c.key(), d.key());
        assert!(c.key().name().starts_with("inc-"));
        let g = Delayed::to_graph(&[c, d]);
        assert_eq!(g.len(), 2, "shared pure call appears once");
    }

    #[test]
    fn long_chains_do_not_recurse() {
        let mut d = Delayed::literal("x", datum(0i64), &KeyRule::Impure);
        let inc = task_fn(|i: &[Datum]| Ok(datum(int(&i[0]) + 1)));
        for _ in 0..100_000 {
            d = Delayed::call("inc", inc.clone(), vec![d], &KeyRule::Impure, None);
        }
        assert_eq!(Delayed::to_graph(std::slice::from_ref(&d)).len(), 100_001);
        assert_eq!(run(&[d], Scheduler::Sync), vec![100_000]);
    }
}
