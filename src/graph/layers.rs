//! Topological depth per task: the geometry the graph drawing lays out in rows.

use super::error::GraphError;
use super::topology::Topology;
use super::TaskGraph;

/// Depth of every node (index as in [`TaskGraph::nodes`]): 0 for tasks without
/// inputs, else one more than the deepest input.
pub fn depths(g: &TaskGraph) -> Result<Vec<u32>, GraphError> {
    let topo = Topology::of(g)?;
    let mut depth = vec![0u32; g.len()];
    for i in topo.topo_order(g)? {
        depth[i as usize] = topo
            .deps(i)
            .iter()
            .map(|&d| depth[d as usize] + 1)
            .max()
            .unwrap_or(0);
    }
    Ok(depth)
}

/// Node indices grouped by depth (layer 0 first), each layer in insertion order.
pub fn layers(g: &TaskGraph) -> Result<Vec<Vec<u32>>, GraphError> {
    let depth = depths(g)?;
    let mut out: Vec<Vec<u32>> =
        vec![Vec::new(); depth.iter().max().map_or(0, |&m| m as usize + 1)];
    for (i, &d) in depth.iter().enumerate() {
        out[d as usize].push(i as u32);
    }
    Ok(out)
}
