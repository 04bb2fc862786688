//! Linear fusion: a task whose only consumer uses nothing else is merged into
//! that consumer, repeatedly, so `ones → add → sum-partial` becomes one task per
//! chunk. The fused task keeps the last task's key (so outputs and other
//! consumers still find it) and a name joining the stage names (`ones-add-sum`).
//! Requested outputs are never absorbed.

use std::collections::HashMap;
use std::sync::Arc;

use smallvec::SmallVec;

use super::Work;
use crate::graph::datum::{Datum, TaskError};
use crate::graph::error::GraphError;
use crate::graph::task::{Input, Task, TaskFn};
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
    let topo = work.topo();
    let n = work.graph.len();
    let mut is_output = vec![false; n];
    for i in work.output_indices() {
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
    // For each tail, the chain head..=tail (walking single inputs backwards).
    let mut chains: Vec<Vec<u32>> = Vec::new();
    let mut chain_of = vec![u32::MAX; n];
    for b in 0..n as u32 {
        if into[b as usize] {
            continue;
        }
        let mut chain = vec![b];
        let mut c = b;
        while let [a] = topo.deps(c) {
            if !into[*a as usize] {
                break;
            }
            chain.push(*a);
            c = *a;
        }
        if chain.len() > 1 {
            chain.reverse();
            chain_of[b as usize] = chains.len() as u32;
            chains.push(chain);
        }
    }
    let mut slots: Vec<Option<Node>> = std::mem::take(&mut work.graph)
        .into_nodes()
        .into_iter()
        .map(Some)
        .collect();
    let mut names: HashMap<String, Arc<str>> = HashMap::new();
    let mut out = Vec::with_capacity(n - absorbed);
    for i in 0..n {
        if into[i] {
            continue;
        }
        let c = chain_of[i];
        if c == u32::MAX {
            out.push(slots[i].take().expect("each node used once"));
            continue;
        }
        let chain = &chains[c as usize];
        let mut nodes = chain
            .iter()
            .map(|&j| slots[j as usize].take().expect("each node in one chain"));
        let head = nodes.next().expect("chain has a head").task;
        let mut joined = head.name.to_string();
        let mut last_name = head.name.clone();
        let mut rest = Vec::with_capacity(chain.len() - 1);
        let mut tail = None;
        for node in nodes {
            let t = &node.task;
            if t.name != last_name {
                joined.push('-');
                joined.push_str(&t.name);
                last_name = t.name.clone();
            }
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
            .entry(joined)
            .or_insert_with_key(|k| Arc::from(k.as_str()))
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
    work.replace_graph(TaskGraph::from_nodes(out));
    Ok(())
}
