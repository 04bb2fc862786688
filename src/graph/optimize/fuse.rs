//! Linear fusion: a task whose only consumer uses nothing else is merged into
//! that consumer, repeatedly, so `ones → add → sum-partial` becomes one task per
//! chunk. The fused task keeps the last task's key (so outputs and other
//! consumers still find it) and a name joining the stage names (`ones-add-sum`).
//! Requested outputs are never absorbed.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::Work;
use crate::graph::datum::{Datum, TaskError};
use crate::graph::error::GraphError;
use crate::graph::task::{Input, Task, TaskFn};
use crate::graph::topology::Topology;
use crate::graph::{Node, TaskGraph};

/// One later stage of a fused chain.
struct Stage {
    op: Arc<dyn TaskFn>,
    /// `None` = the previous stage's result, `Some` = a literal argument.
    args: SmallVec<[Option<Datum>; 2]>,
}

/// A chain of operations run back to back inside one task.
pub struct Fused {
    first: Arc<dyn TaskFn>,
    rest: Vec<Stage>,
}

impl TaskFn for Fused {
    fn run(&self, inputs: &[Datum]) -> Result<Datum, TaskError> {
        let mut v = self.first.run(inputs)?;
        for s in &self.rest {
            v = if s.args.len() == 1 && s.args[0].is_none() {
                s.op.run(std::slice::from_ref(&v))?
            } else {
                let args: SmallVec<[Datum; 4]> = s
                    .args
                    .iter()
                    .map(|a| a.clone().unwrap_or_else(|| v.clone()))
                    .collect();
                s.op.run(&args)?
            };
        }
        Ok(v)
    }
}

/// Fuse every linear chain into one task; counts absorbed tasks in `stats.fused`.
pub fn fuse(work: &mut Work) -> Result<(), GraphError> {
    work.ensure_topology()?;
    let topo = work.topo.as_ref().expect("resolved above");
    let n = work.graph.len();
    let mut is_output = vec![false; n];
    for &i in &work.out_idx {
        is_output[i as usize] = true;
    }
    // into[a]: a is merged into its single consumer.
    let into: Vec<bool> = (0..n as u32)
        .map(|a| {
            let users = topo.users(a);
            users.len() == 1 && !is_output[a as usize] && topo.deps(users[0]).len() == 1
        })
        .collect();
    let absorbed = into.iter().filter(|&&x| x).count();
    if absorbed == 0 {
        return Ok(());
    }
    let mut remap = vec![u32::MAX; n];
    let mut next = 0u32;
    for (r, &x) in remap.iter_mut().zip(&into) {
        if !x {
            *r = next;
            next += 1;
        }
    }
    let mut slots: Vec<Option<Node>> = std::mem::take(&mut work.graph)
        .into_nodes()
        .into_iter()
        .map(Some)
        .collect();
    // Fused names, cached by the sequence of stage-name pointers.
    let mut names: FxHashMap<SmallVec<[usize; 4]>, Arc<str>> = FxHashMap::default();
    let mut out = Vec::with_capacity(n - absorbed);
    let mut dep_start = Vec::with_capacity(n - absorbed + 1);
    let mut deps = Vec::with_capacity(topo.num_edges());
    dep_start.push(0u32);
    let mut chain: Vec<u32> = Vec::new();
    for b in 0..n as u32 {
        if into[b as usize] {
            continue;
        }
        // The chain head..=b, found by walking single inputs backwards.
        chain.clear();
        chain.push(b);
        let mut c = b;
        while let [a] = topo.deps(c) {
            if !into[*a as usize] {
                break;
            }
            chain.push(*a);
            c = *a;
        }
        let head = *chain.last().expect("chain has b");
        deps.extend(topo.deps(head).iter().map(|&d| remap[d as usize]));
        dep_start.push(deps.len() as u32);
        if chain.len() == 1 {
            out.push(slots[b as usize].take().expect("each node used once"));
            continue;
        }
        let mut nodes = chain
            .iter()
            .rev()
            .map(|&j| slots[j as usize].take().expect("each node in one chain"));
        let head = nodes.next().expect("chain has a head").task;
        let mut sig: SmallVec<[usize; 4]> = SmallVec::new();
        sig.push(head.name.as_ptr() as usize);
        let mut rest = Vec::with_capacity(chain.len() - 1);
        let mut stage_names = vec![head.name.clone()];
        let mut tail = None;
        for node in nodes {
            let t = &node.task;
            sig.push(t.name.as_ptr() as usize);
            stage_names.push(t.name.clone());
            rest.push(Stage {
                op: t.op.clone(),
                args: t
                    .inputs
                    .iter()
                    .map(|a| match a {
                        Input::Key(_) => None,
                        Input::Literal(d) => Some(d.clone()),
                    })
                    .collect(),
            });
            tail = Some(node);
        }
        let tail = tail.expect("chain has a tail");
        let name = names
            .entry(sig)
            .or_insert_with(|| joined_name(&stage_names))
            .clone();
        let task = Task {
            op: Arc::new(Fused {
                first: head.op,
                rest,
            }),
            name,
            inputs: head.inputs,
            est_bytes: tail.task.est_bytes,
        };
        out.push(Node {
            key: tail.key,
            task,
        });
    }
    work.stats.fused += absorbed;
    let topo = Topology::from_deps(dep_start, deps);
    work.replace_resolved(TaskGraph::from_unique_nodes(out), topo, &remap);
    Ok(())
}

/// Stage names joined with `-`, an immediate repeat written once (`add-add` → `add`).
fn joined_name(stages: &[Arc<str>]) -> Arc<str> {
    let mut joined = String::new();
    let mut last: Option<&str> = None;
    for s in stages {
        if last != Some(&**s) {
            if last.is_some() {
                joined.push('-');
            }
            joined.push_str(s);
            last = Some(s);
        }
    }
    Arc::from(joined)
}
