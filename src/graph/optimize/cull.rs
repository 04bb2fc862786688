//! Cull: keep only the tasks the requested outputs depend on.

use super::Work;
use crate::graph::error::GraphError;
use crate::graph::topology::Topology;
use crate::graph::TaskGraph;

/// Drop every task that is not an ancestor of (or equal to) a requested output.
pub fn cull(work: &mut Work) -> Result<(), GraphError> {
    work.ensure_topology()?;
    let topo = work.topo();
    let n = work.graph.len();
    let mut keep = vec![false; n];
    let mut stack = work.output_indices().to_vec();
    let mut kept = 0;
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut keep[i as usize], true) {
            continue;
        }
        kept += 1;
        stack.extend(topo.deps(i).iter().filter(|&&d| !keep[d as usize]));
    }
    if kept == n {
        return Ok(());
    }
    let mut remap = vec![u32::MAX; n];
    let mut next = 0u32;
    for (r, &k) in remap.iter_mut().zip(&keep) {
        if k {
            *r = next;
            next += 1;
        }
    }
    let mut dep_start = Vec::with_capacity(kept + 1);
    let mut deps = Vec::new();
    dep_start.push(0);
    for i in (0..n as u32).filter(|&i| keep[i as usize]) {
        deps.extend(topo.deps(i).iter().map(|&d| remap[d as usize]));
        dep_start.push(deps.len() as u32);
    }
    let new_topo = Topology::from_deps(dep_start, deps);
    let nodes = std::mem::take(&mut work.graph).into_nodes();
    let g = TaskGraph::from_unique_nodes(
        nodes
            .into_iter()
            .zip(keep)
            .filter_map(|(node, k)| k.then_some(node))
            .collect(),
    );
    work.stats.culled += n - kept;
    work.replace_resolved(g, new_topo, &remap);
    Ok(())
}
