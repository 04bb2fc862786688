//! Cull: keep only the tasks the requested outputs depend on.

use super::Work;
use crate::graph::error::GraphError;
use crate::graph::TaskGraph;

/// Drop every task that is not an ancestor of (or equal to) a requested output.
pub fn cull(work: &mut Work) -> Result<(), GraphError> {
    work.ensure_topology()?;
    let topo = work.topo();
    let n = work.graph.len();
    let mut keep = vec![false; n];
    let mut stack = work.output_indices();
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
    let nodes = std::mem::take(&mut work.graph).into_nodes();
    let g = TaskGraph::from_nodes(
        nodes
            .into_iter()
            .zip(keep)
            .filter_map(|(node, k)| k.then_some(node))
            .collect(),
    );
    work.stats.culled += n - kept;
    work.replace_graph(g);
    Ok(())
}
