//! The task-graph drawing returned by `visualize()`: our own layered layout rendered as SVG
//! — data as boxes labelled with chunk indices, operations as circles labelled with their
//! names, curved edges with arrowheads, optional colouring by execution order with a legend,
//! and a caption when the picture is the collapsed one-node-per-operation view.

use crate::display::colors;
use crate::display::error::DisplayError;
use crate::display::graph_view::{ColorMode, GraphOptions, GraphView, NodeKind};
use crate::display::html::escape;
use crate::display::layout::{layout, Layout, NodeSize, Spacing};
use crate::display::svg::{self, num, Anchor};
use crate::display::units::{pluralize, thousands};
use crate::display::MimeBundle;
use std::fmt::Write as _;

const FONT_PX: f64 = 12.0;
const SMALL_PX: f64 = 10.0;
const MARGIN: f64 = 16.0;
const MAX_LABEL_CHARS: usize = 24;
const OP_FILL: &str = "#fbe3c8";
const DATA_FILL: &str = "#dde8f6";

/// A node's label lines (second line = task count in the collapsed view) and hover title.
fn label_lines(view: &GraphView, i: usize) -> Vec<String> {
    let node = &view.nodes[i];
    let mut label = node.label.clone();
    if label.chars().count() > MAX_LABEL_CHARS {
        label = label.chars().take(MAX_LABEL_CHARS - 1).collect::<String>() + "…";
    }
    let mut lines = vec![label];
    if let Some(t) = node.tasks {
        lines.push(format!("×{}", thousands(t as u64)));
    }
    lines
}

/// Width and height of node `i` as drawn.
fn node_box(view: &GraphView, i: usize) -> (f64, f64) {
    let lines = label_lines(view, i);
    let widest = lines
        .iter()
        .enumerate()
        .map(|(k, l)| svg::text_width(l, if k == 0 { FONT_PX } else { SMALL_PX }))
        .fold(0.0, f64::max);
    let text_h = FONT_PX + (lines.len() - 1) as f64 * SMALL_PX * 1.2;
    match view.nodes[i].kind {
        NodeKind::Op => {
            let r = (widest / 2.0 + 7.0).max(text_h / 2.0 + 8.0).max(15.0);
            (2.0 * r, 2.0 * r)
        }
        NodeKind::Data => {
            let empty = lines.iter().all(String::is_empty);
            if empty {
                (22.0, 16.0)
            } else {
                ((widest + 14.0).max(28.0), text_h + 12.0)
            }
        }
    }
}

/// Centre of vertex `v` on the canvas (origin offset applied by the caller).
fn place(l: &Layout, opts: GraphOptions, v: usize) -> (f64, f64) {
    let b = l.breadth_pos[v];
    let r = l.rank_pos[l.layer_of[v]];
    use crate::display::graph_view::RankDir::*;
    match opts.rankdir {
        TB => (b, r),
        BT => (b, l.depth - r),
        LR => (r, b),
        RL => (l.depth - r, b),
    }
}

fn node_fill(view: &GraphView, i: usize, opts: GraphOptions, max_order: usize) -> String {
    let node = &view.nodes[i];
    match (opts.color, node.order) {
        (ColorMode::Order, Some(o)) => colors::continuous(o as f64 / max_order.max(1) as f64),
        (ColorMode::Order, None) => "#ffffff".to_string(),
        (ColorMode::Plain, _) => match node.kind {
            NodeKind::Op => OP_FILL.to_string(),
            NodeKind::Data => DATA_FILL.to_string(),
        },
    }
}

/// The task graph as a standalone SVG document.
pub fn graph_svg(view: &GraphView, opts: GraphOptions) -> Result<String, DisplayError> {
    let n = view.nodes.len();
    let boxes: Vec<(f64, f64)> = (0..n).map(|i| node_box(view, i)).collect();
    let horizontal = opts.rankdir.horizontal();
    let sizes: Vec<NodeSize> = boxes
        .iter()
        .map(|&(w, h)| {
            if horizontal {
                NodeSize {
                    breadth: h,
                    depth: w,
                }
            } else {
                NodeSize {
                    breadth: w,
                    depth: h,
                }
            }
        })
        .collect();
    let spacing = if horizontal {
        Spacing {
            node: 12.0,
            rank: 56.0,
        }
    } else {
        Spacing::default()
    };
    let l = layout(&sizes, &view.edges, spacing)?;
    let (lw, lh) = if horizontal {
        (l.depth, l.breadth)
    } else {
        (l.breadth, l.depth)
    };

    let caption = caption(view);
    let top = MARGIN + if caption.is_some() { 22.0 } else { 0.0 };
    let max_order = view
        .nodes
        .iter()
        .filter_map(|nd| nd.order)
        .max()
        .unwrap_or(0);
    let legend = opts.color == ColorMode::Order && view.nodes.iter().any(|nd| nd.order.is_some());
    let legend_h = if legend { 46.0 } else { 0.0 };
    let caption_w = caption
        .as_deref()
        .map_or(0.0, |c| svg::text_width(c, FONT_PX));
    let width = (lw + 2.0 * MARGIN)
        .max(caption_w + 2.0 * MARGIN)
        .max(if legend { 240.0 } else { 0.0 });
    let height = top + lh + MARGIN + legend_h;
    let ox = (width - lw) / 2.0;
    let at = |v: usize| {
        let (x, y) = place(&l, opts, v);
        (x + ox, y + top)
    };

    let mut out = String::new();
    svg::open(&mut out, width, height);
    out.push_str(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\" /></marker>",
    );
    if legend {
        out.push_str("<linearGradient id=\"order-grad\">");
        for (t, c) in colors::continuous_stops() {
            let _ = write!(out, "<stop offset=\"{}\" stop-color=\"{c}\" />", num(t));
        }
        out.push_str("</linearGradient>");
    }
    out.push_str("</defs><g font-family=\"sans-serif\">");
    if let Some(c) = &caption {
        svg::text(
            &mut out,
            (MARGIN, MARGIN + 4.0),
            c,
            FONT_PX,
            Anchor::Start,
            0.0,
        );
    }

    // Edges first so nodes sit on top.
    let dir = opts.rankdir.dir();
    let half_depth = |v: usize| {
        if v >= n {
            0.0
        } else if horizontal {
            boxes[v].0 / 2.0
        } else {
            boxes[v].1 / 2.0
        }
    };
    out.push_str("<g fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\">");
    for chain in &l.chains {
        let pts: Vec<(f64, f64)> = chain
            .iter()
            .enumerate()
            .map(|(k, &v)| {
                let (x, y) = at(v);
                let hd = half_depth(v);
                let s = if k == 0 {
                    hd
                } else if k + 1 == chain.len() {
                    -hd
                } else {
                    0.0
                };
                (x + dir.0 * s, y + dir.1 * s)
            })
            .collect();
        let mut d = format!("M{},{}", num(pts[0].0), num(pts[0].1));
        for w in pts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let gap = ((b.0 - a.0) * dir.0 + (b.1 - a.1) * dir.1).abs() / 2.0;
            let c1 = (a.0 + dir.0 * gap, a.1 + dir.1 * gap);
            let c2 = (b.0 - dir.0 * gap, b.1 - dir.1 * gap);
            let _ = write!(
                d,
                " C{},{} {},{} {},{}",
                num(c1.0),
                num(c1.1),
                num(c2.0),
                num(c2.1),
                num(b.0),
                num(b.1)
            );
        }
        let _ = write!(out, "<path d=\"{d}\" marker-end=\"url(#arrow)\" />");
    }
    out.push_str("</g>");

    for (i, &(w, h)) in boxes.iter().enumerate() {
        let (x, y) = at(i);
        let fill = node_fill(view, i, opts, max_order);
        let ink = colors::text_on(&fill);
        let node = &view.nodes[i];
        let mut title = node.id.clone();
        if node.label.chars().count() > MAX_LABEL_CHARS {
            let _ = write!(title, "\n{}", node.label);
        }
        if let Some(o) = node.order {
            let _ = write!(title, "\norder: {o}");
        }
        if let Some(t) = node.tasks {
            let _ = write!(title, "\n{}", pluralize(t, "task"));
        }
        let class = match node.kind {
            NodeKind::Op => "op",
            NodeKind::Data => "data",
        };
        let _ = write!(
            out,
            "<g class=\"{class}\"><title>{}</title>",
            escape(&title)
        );
        match node.kind {
            NodeKind::Op => {
                let _ = write!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\" stroke=\"#333\" />",
                    num(x),
                    num(y),
                    num(w / 2.0)
                );
            }
            NodeKind::Data => {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"2\" fill=\"{fill}\" stroke=\"#333\" />",
                    num(x - w / 2.0),
                    num(y - h / 2.0),
                    num(w),
                    num(h)
                );
            }
        }
        let lines = label_lines(view, i);
        let text_h = FONT_PX + (lines.len() - 1) as f64 * SMALL_PX * 1.2;
        let mut ty = y - text_h / 2.0 + FONT_PX / 2.0;
        let _ = write!(out, "<g fill=\"{ink}\">");
        for (k, line) in lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            let px = if k == 0 { FONT_PX } else { SMALL_PX };
            svg::text(&mut out, (x, ty), line, px, Anchor::Middle, 0.0);
            ty += SMALL_PX * 1.2;
        }
        out.push_str("</g></g>");
    }

    if legend {
        let ly = top + lh + MARGIN;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"160\" height=\"10\" fill=\"url(#order-grad)\" stroke=\"#333\" stroke-width=\"0.5\" />",
            num(MARGIN),
            num(ly + 16.0)
        );
        svg::text(
            &mut out,
            (MARGIN, ly + 6.0),
            "colour: execution order",
            SMALL_PX,
            Anchor::Start,
            0.0,
        );
        svg::text(
            &mut out,
            (MARGIN, ly + 36.0),
            "0 (first)",
            SMALL_PX,
            Anchor::Start,
            0.0,
        );
        svg::text(
            &mut out,
            (MARGIN + 160.0, ly + 36.0),
            &format!("{max_order} (last)"),
            SMALL_PX,
            Anchor::End,
            0.0,
        );
    }
    out.push_str("</g></svg>");
    Ok(out)
}

/// The caption of a collapsed view: what the reader sees instead of every task.
fn caption(view: &GraphView) -> Option<String> {
    if !view.collapsed {
        return None;
    }
    let ops = view
        .nodes
        .iter()
        .filter(|nd| nd.kind == NodeKind::Op)
        .count();
    Some(match view.total_tasks {
        Some(t) => format!(
            "{} tasks: showing one node per operation ({})",
            thousands(t as u64),
            pluralize(ops, "operation")
        ),
        None => format!("one node per operation ({})", pluralize(ops, "operation")),
    })
}

/// A one-line description for `text/plain`.
pub fn graph_text(view: &GraphView) -> String {
    let ops = view
        .nodes
        .iter()
        .filter(|nd| nd.kind == NodeKind::Op)
        .count();
    let data = view.nodes.len() - ops;
    let what = if view.collapsed {
        "collapsed task graph"
    } else {
        "task graph"
    };
    format!(
        "<{what}: {}, {}>",
        pluralize(ops, "operation"),
        pluralize(data, "data node")
    )
}

/// The bundle for `visualize()`: text/plain + image/svg+xml.
pub fn graph_bundle(view: &GraphView, opts: GraphOptions) -> Result<MimeBundle, DisplayError> {
    Ok(MimeBundle::plain(graph_text(view)).with("image/svg+xml", graph_svg(view, opts)?))
}

#[cfg(test)]
#[path = "graph_svg_tests.rs"]
mod tests;
