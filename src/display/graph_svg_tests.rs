use super::*;
use crate::display::graph_view::{GraphNode, RankDir};
use crate::display::xmlcheck::assert_well_formed;

fn node(label: &str, kind: NodeKind, order: usize) -> GraphNode {
    GraphNode {
        id: format!("('{label}-abc', 0)"),
        label: label.to_string(),
        kind,
        order: Some(order),
        tasks: None,
    }
}

/// `(ones(10, chunks=5) + 1).sum()` unoptimized, Dask-style: op → data → op → data …
pub(crate) fn small_sum() -> GraphView {
    use NodeKind::*;
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let mut partials = Vec::new();
    for c in 0..2 {
        let base = nodes.len();
        nodes.push(node("ones_like", Op, 6 * c));
        nodes.push(node(&format!("({c},)"), Data, 6 * c + 1));
        nodes.push(node("add", Op, 6 * c + 2));
        nodes.push(node(&format!("({c},)"), Data, 6 * c + 3));
        nodes.push(node("sum", Op, 6 * c + 4));
        nodes.push(node(&format!("({c},)"), Data, 6 * c + 5));
        edges.extend([(base, base + 1), (base + 1, base + 2), (base + 2, base + 3)]);
        edges.extend([(base + 3, base + 4), (base + 4, base + 5)]);
        partials.push(base + 5);
    }
    let agg = nodes.len();
    nodes.push(node("sum-aggregate", Op, 12));
    nodes.push(node("()", Data, 13));
    for p in partials {
        edges.push((p, agg));
    }
    edges.push((agg, agg + 1));
    GraphView {
        nodes,
        edges,
        collapsed: false,
        total_tasks: None,
    }
}

#[test]
fn draws_boxes_circles_labels_and_arrows() {
    let g = small_sum();
    let svg = graph_svg(&g, GraphOptions::default()).unwrap();
    assert_well_formed(&svg);
    assert_eq!(svg.matches("<circle").count(), 7);
    assert_eq!(svg.matches("<rect").count(), 7);
    assert_eq!(
        svg.matches("marker-end=\"url(#arrow)\"").count(),
        g.edges.len()
    );
    for label in [">ones_like<", ">add<", ">sum-aggregate<", ">(1,)<", ">()<"] {
        assert!(svg.contains(label), "{label}");
    }
    assert!(svg.contains("<title>(&#39;add-abc&#39;, 0)"));
    assert!(!svg.contains("order-grad"));
}

fn centre_y(svg: &str, label: &str) -> f64 {
    let at = svg.find(&format!(">{label}</text>")).expect("label");
    let start = svg[..at].rfind("<text").expect("text");
    let key = "y=\"";
    let y0 = start + svg[start..].find(key).expect("y") + key.len();
    let y1 = y0 + svg[y0..].find('"').expect("quote");
    svg[y0..y1].parse().expect("number")
}

#[test]
fn rankdir_puts_inputs_at_the_right_end() {
    let g = small_sum();
    let bt = graph_svg(&g, GraphOptions::default()).unwrap();
    assert!(
        centre_y(&bt, "ones_like") > centre_y(&bt, "sum-aggregate"),
        "BT: inputs below"
    );
    let tb = graph_svg(
        &g,
        GraphOptions {
            rankdir: RankDir::TB,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        centre_y(&tb, "ones_like") < centre_y(&tb, "sum-aggregate"),
        "TB: inputs above"
    );
    for dir in [RankDir::LR, RankDir::RL] {
        let s = graph_svg(
            &g,
            GraphOptions {
                rankdir: dir,
                ..Default::default()
            },
        )
        .unwrap();
        assert_well_formed(&s);
    }
    assert_eq!(RankDir::parse("lr"), Some(RankDir::LR));
    assert_eq!(RankDir::parse("XY"), None);
}

#[test]
fn order_colouring_has_a_legend_and_distinct_fills() {
    let g = small_sum();
    let svg = graph_svg(
        &g,
        GraphOptions {
            color: ColorMode::Order,
            ..Default::default()
        },
    )
    .unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains("order-grad"));
    assert!(svg.contains("execution order"));
    assert!(svg.contains("13 (last)"));
    assert!(svg.contains("fill=\"#0d0887\""), "first task darkest");
    assert!(svg.contains("fill=\"#f0f921\""), "last task brightest");
}

#[test]
fn collapsed_view_states_it_and_counts_tasks() {
    let mut g = small_sum();
    g.collapsed = true;
    g.total_tasks = Some(12_345);
    g.nodes[0].tasks = Some(2500);
    let svg = graph_svg(&g, GraphOptions::default()).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains("12,345 tasks: showing one node per operation"));
    assert!(svg.contains(">×2,500<"));
    assert!(graph_text(&g).starts_with("<collapsed task graph: 7 operations"));
}

#[test]
fn labels_are_escaped_and_truncated() {
    let mut g = small_sum();
    g.nodes[0].label = "<lambda>".to_string();
    g.nodes[2].label = "x".repeat(60);
    let svg = graph_svg(&g, GraphOptions::default()).unwrap();
    assert_well_formed(&svg);
    assert!(svg.contains("&lt;lambda&gt;"));
    assert!(svg.contains('…'));
    assert!(
        svg.contains(&format!("\n{}\n", "x".repeat(60))),
        "full label on hover"
    );
}

#[test]
fn bad_graphs_are_errors_not_panics() {
    let mut g = small_sum();
    g.edges.push((0, 99));
    assert!(graph_bundle(&g, GraphOptions::default()).is_err());
    let empty = GraphView::default();
    let svg = graph_svg(&empty, GraphOptions::default()).unwrap();
    assert_well_formed(&svg);
}
