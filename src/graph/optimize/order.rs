//! Static priority order, depth-first to keep memory low.
//!
//! Heuristic: a post-order depth-first walk from the requested outputs, one
//! output at a time, in request order (then any task no output needs). A task is
//! placed right after its last input, so every sub-result is consumed as soon as
//! it can be and its inputs are freed: a reduction finishes each group before
//! loading the next. Among a task's inputs, the one whose subtree needs the most
//! simultaneously-held results goes first (the Sethi–Ullman rule: holding the
//! small finished results while computing the big subtree costs less than the
//! reverse); ties keep argument order. The "need" of a task is estimated on the
//! graph as if it were a tree: `max(need(c_k) + k)` over its inputs sorted by
//! descending need, and at least `inputs + 1`.
//!
//! The result is a topological order; the executors use position as priority.

use smallvec::SmallVec;

use super::Work;
use crate::graph::error::GraphError;

/// Compute `work.order` (node indices, inputs before consumers).
pub fn order(work: &mut Work) -> Result<(), GraphError> {
    work.ensure_topology()?;
    let topo = work.topo();
    let g = &work.graph;
    let n = g.len();
    let topo_order = topo.topo_order(g)?;
    let mut need = vec![1u32; n];
    let mut scratch: Vec<u32> = Vec::new();
    for &i in &topo_order {
        let deps = topo.deps(i);
        if deps.is_empty() {
            continue;
        }
        scratch.clear();
        scratch.extend(deps.iter().map(|&d| need[d as usize]));
        scratch.sort_unstable_by(|a, b| b.cmp(a));
        let held = scratch
            .iter()
            .enumerate()
            .map(|(k, &c)| c.saturating_add(k as u32))
            .max()
            .unwrap_or(1);
        need[i as usize] = held.max(deps.len() as u32 + 1);
    }

    let mut placed = vec![false; n];
    let mut on_stack = vec![false; n];
    let mut result = Vec::with_capacity(n);
    // Frames: (node, next child position in `kids`, end of its children in `kids`).
    let mut frames: Vec<(u32, u32, u32)> = Vec::new();
    let mut kids: Vec<u32> = Vec::new();
    let starts = work
        .output_indices()
        .iter()
        .copied()
        .chain(topo_order.iter().rev().copied());
    for start in starts {
        if placed[start as usize] {
            continue;
        }
        push_frame(
            start,
            topo.deps(start),
            &need,
            &mut frames,
            &mut kids,
            &mut on_stack,
        );
        while let Some(frame) = frames.last_mut() {
            let (node, pos, end) = *frame;
            if pos < end {
                frame.1 += 1;
                let c = kids[pos as usize];
                if !placed[c as usize] && !on_stack[c as usize] {
                    push_frame(
                        c,
                        topo.deps(c),
                        &need,
                        &mut frames,
                        &mut kids,
                        &mut on_stack,
                    );
                }
                continue;
            }
            frames.pop();
            let base = frames.last().map_or(0, |f| f.2);
            kids.truncate(base as usize);
            on_stack[node as usize] = false;
            placed[node as usize] = true;
            result.push(node);
        }
    }
    debug_assert_eq!(result.len(), n);
    work.order = Some(result);
    Ok(())
}

fn push_frame(
    node: u32,
    deps: &[u32],
    need: &[u32],
    frames: &mut Vec<(u32, u32, u32)>,
    kids: &mut Vec<u32>,
    on_stack: &mut [bool],
) {
    let begin = kids.len();
    let mut sorted: SmallVec<[(u32, usize, u32); 8]> = deps
        .iter()
        .enumerate()
        .map(|(k, &d)| (need[d as usize], k, d))
        .collect();
    sorted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    kids.extend(sorted.iter().map(|s| s.2));
    on_stack[node as usize] = true;
    frames.push((node, begin as u32, kids.len() as u32));
}
