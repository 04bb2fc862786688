//! Layered (Sugiyama-style) graph layout written for the task-graph drawing: layers by
//! longest path, dummy vertices on long edges, barycenter ordering, spaced coordinates.
//! Works in abstract axes — "rank" (layer) and "breadth" (within a layer) — so the drawing
//! can map them to any of TB/BT/LR/RL.

pub mod coords;
pub mod layers;
pub mod order;

use crate::display::error::DisplayError;
use order::Proper;

/// A node's extent: `breadth` along its layer, `depth` across layers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeSize {
    /// Size along the layer (width when layers are rows).
    pub breadth: f64,
    /// Size across layers (height when layers are rows).
    pub depth: f64,
}

/// Spacing between nodes in a layer and between layers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spacing {
    /// Minimum gap between neighbours within a layer.
    pub node: f64,
    /// Gap between consecutive layers.
    pub rank: f64,
}

impl Default for Spacing {
    fn default() -> Self {
        Self {
            node: 18.0,
            rank: 44.0,
        }
    }
}

/// A finished layout. Vertices `0..n` are the input nodes, higher ones are edge bends.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Ordered vertices per layer.
    pub layers: Vec<Vec<usize>>,
    /// Layer of each vertex.
    pub layer_of: Vec<usize>,
    /// Centre of each vertex along its layer (starting at 0).
    pub breadth_pos: Vec<f64>,
    /// Centre of each layer across layers (starting at 0).
    pub rank_pos: Vec<f64>,
    /// Thickness of each layer.
    pub rank_depth: Vec<f64>,
    /// Per input edge, the vertex chain from source to target.
    pub chains: Vec<Vec<usize>>,
    /// Edge crossings left by the ordering.
    pub crossings: usize,
    /// Total extent along layers.
    pub breadth: f64,
    /// Total extent across layers.
    pub depth: f64,
}

/// Lay out nodes with these sizes and edges `(from, to)` (from = input, to = consumer).
pub fn layout(
    sizes: &[NodeSize],
    edges: &[(usize, usize)],
    spacing: Spacing,
) -> Result<Layout, DisplayError> {
    let layer = layers::assign_layers(sizes.len(), edges)?;
    let mut proper = Proper::build(&layer, edges);
    let sweeps = if proper.layer_of.len() > 3000 { 6 } else { 24 };
    let crossings = proper.minimize(sweeps);
    let nv = proper.layer_of.len();
    let breadth: Vec<f64> = (0..nv)
        .map(|v| {
            if v < sizes.len() {
                sizes[v].breadth
            } else {
                2.0
            }
        })
        .collect();
    let mut pos = coords::place(
        &proper.layers,
        &proper.up,
        &proper.down,
        &breadth,
        spacing.node,
        if nv > 3000 { 4 } else { 12 },
    );
    let lo = (0..nv)
        .map(|v| pos[v] - breadth[v] / 2.0)
        .fold(f64::INFINITY, f64::min);
    let lo = if lo.is_finite() { lo } else { 0.0 };
    pos.iter_mut().for_each(|p| *p -= lo);
    let total_breadth = (0..nv)
        .map(|v| pos[v] + breadth[v] / 2.0)
        .fold(0.0, f64::max);
    let mut rank_depth = vec![0.0f64; proper.layers.len()];
    for v in 0..sizes.len() {
        rank_depth[layer[v]] = rank_depth[layer[v]].max(sizes[v].depth);
    }
    let mut rank_pos = Vec::with_capacity(rank_depth.len());
    let mut at = 0.0;
    for (l, d) in rank_depth.iter().enumerate() {
        if l > 0 {
            at += spacing.rank;
        }
        rank_pos.push(at + d / 2.0);
        at += d;
    }
    Ok(Layout {
        layers: proper.layers,
        layer_of: proper.layer_of,
        breadth_pos: pos,
        rank_pos,
        rank_depth,
        chains: proper.chains,
        crossings,
        breadth: total_breadth,
        depth: at,
    })
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
