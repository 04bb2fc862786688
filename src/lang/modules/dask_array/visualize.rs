//! `x.visualize()` / `d.visualize()`: a task graph as an inline SVG, drawn by the
//! display layer (no graphviz). Above 500 tasks, one node per operation.

use crate::display::graph_view::{
    ColorMode, GraphNode, GraphOptions, GraphView, NodeKind, RankDir, COLLAPSE_ABOVE_TASKS,
};
use crate::display::MimeBundle;
use crate::graph::{compile, Input, Key, Pipeline, TaskGraph};
use crate::lang::eval::Args;
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Object, Value};
use std::any::Any;
use std::collections::HashMap;

/// A displayable picture (what `visualize()` returns).
pub struct Picture(pub MimeBundle);

impl Object for Picture {
    fn type_name(&self) -> String {
        "SVG".into()
    }
    fn repr(&self) -> String {
        "<IPython.core.display.SVG object>".into()
    }
    fn mime_bundle(&self) -> MimeBundle {
        self.0.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn index_label(k: &Key) -> String {
    match k.index() {
        [] => crate::graph::key_prefix(k.name()).to_string(),
        idx => format!(
            "({})",
            idx.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Plumbing keys that are not part of the user's computation (the execution context).
fn hidden(k: &Key) -> bool {
    k.name() == "tessera-exec-context"
}

/// One op circle and one data box per task; edges data → consumer op → its data.
fn full_view(g: &TaskGraph, order: &HashMap<Key, usize>) -> GraphView {
    let mut v = GraphView::default();
    let mut data_of: HashMap<Key, usize> = HashMap::new();
    let mut op_of: HashMap<Key, usize> = HashMap::new();
    for n in g.nodes() {
        if hidden(&n.key) {
            continue;
        }
        let o = order.get(&n.key).copied();
        let is_leaf = n.task.inputs.is_empty() && &*n.task.name == "literal";
        let op = (!is_leaf).then(|| {
            v.nodes.push(GraphNode {
                id: format!("op-{}", n.key),
                label: n.task.name.to_string(),
                kind: NodeKind::Op,
                order: o,
                tasks: None,
            });
            v.nodes.len() - 1
        });
        v.nodes.push(GraphNode {
            id: format!("data-{}", n.key),
            label: index_label(&n.key),
            kind: NodeKind::Data,
            order: o,
            tasks: None,
        });
        let d = v.nodes.len() - 1;
        if let Some(op) = op {
            v.edges.push((op, d));
            op_of.insert(n.key.clone(), op);
        }
        data_of.insert(n.key.clone(), d);
    }
    for n in g.nodes() {
        let Some(&consumer) = op_of.get(&n.key) else {
            continue;
        };
        for inp in &n.task.inputs {
            if let Input::Key(k) = inp {
                if let Some(&src) = data_of.get(k) {
                    v.edges.push((src, consumer));
                }
            }
        }
    }
    v.total_tasks = Some(g.nodes().iter().filter(|n| !hidden(&n.key)).count());
    v
}

/// One node per operation (key name), with task counts.
fn collapsed_view(g: &TaskGraph) -> GraphView {
    let mut v = GraphView::default();
    let mut of: HashMap<String, usize> = HashMap::new();
    for n in g.nodes().iter().filter(|n| !hidden(&n.key)) {
        let name = n.key.name().to_string();
        let id = *of.entry(name.clone()).or_insert_with(|| {
            v.nodes.push(GraphNode {
                id: name.clone(),
                label: n.task.name.to_string(),
                kind: NodeKind::Op,
                order: None,
                tasks: Some(0),
            });
            v.nodes.len() - 1
        });
        if let Some(t) = v.nodes[id].tasks.as_mut() {
            *t += 1;
        }
    }
    let mut edges = std::collections::HashSet::new();
    for n in g.nodes().iter().filter(|n| !hidden(&n.key)) {
        let dst = of[n.key.name()];
        for inp in &n.task.inputs {
            if let Input::Key(k) = inp {
                if let Some(&src) = of.get(k.name()) {
                    if src != dst {
                        edges.insert((src, dst));
                    }
                }
            }
        }
    }
    v.edges = edges.into_iter().collect();
    v.edges.sort_unstable();
    v.collapsed = true;
    v.total_tasks = Some(g.len());
    v
}

/// Draw `graph` (whose results are `outputs`) per `visualize(...)` keywords.
pub fn visualize(mut graph: TaskGraph, outputs: &[Key], mut a: Args) -> PyResult<Value> {
    let optimize = a
        .take_kw("optimize_graph")
        .and_then(|v| v.truthy_simple())
        .unwrap_or(false);
    let color = a.take_kw("color");
    let rankdir = match a.take_kw("rankdir") {
        Some(Value::Str(s)) => RankDir::parse(&s).ok_or_else(|| {
            exc::value_error(format!("rankdir must be TB, BT, LR or RL, not {s:?}"))
        })?,
        _ => RankDir::default(),
    };
    let filename = match a.take_kw("filename") {
        Some(Value::Str(s)) => Some(s.to_string()),
        _ => None,
    };
    let _ = (a.take_kw("engine"), a.take_kw("format"));
    a.check("visualize", 0)?;
    let by_order = matches!(&color, Some(Value::Str(s)) if &**s == "order");
    let lowered = compile(
        graph.clone(),
        outputs,
        &if optimize {
            Pipeline::standard()
        } else {
            Pipeline::unfused()
        },
    )
    .map_err(|e| exc::new("RuntimeError", e.to_string()))?;
    if optimize {
        graph = optimized_graph(&lowered);
    }
    let order: HashMap<Key, usize> = lowered
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), i))
        .collect();
    let view = if graph.len() > COLLAPSE_ABOVE_TASKS {
        collapsed_view(&graph)
    } else {
        full_view(&graph, &order)
    };
    let opts = GraphOptions {
        rankdir,
        color: if by_order {
            ColorMode::Order
        } else {
            ColorMode::default()
        },
    };
    let bundle = crate::display::graph_svg::graph_bundle(&view, opts)
        .map_err(|e| exc::new("RuntimeError", e.to_string()))?;
    if let Some(f) = filename {
        let f = if f.contains('.') {
            f
        } else {
            format!("{f}.svg")
        };
        if !f.ends_with(".svg") {
            return Err(exc::value_error(
                "visualize(filename=...) writes SVG files; use a name ending in .svg",
            ));
        }
        std::fs::write(
            &f,
            bundle
                .data
                .get("image/svg+xml")
                .cloned()
                .unwrap_or_default(),
        )
        .map_err(|e| exc::new("OSError", format!("{f}: {e}")))?;
    }
    Ok(Value::object(Picture(bundle)))
}

/// The graph the scheduler would run (after cull and fuse), as a keyed graph.
pub fn optimized_graph(lowered: &crate::graph::Lowered) -> TaskGraph {
    let mut g = TaskGraph::new();
    for t in 0..lowered.plan.len() as u32 {
        let inputs = lowered
            .plan
            .deps(t)
            .iter()
            .map(|&d| Input::Key(lowered.keys[d as usize].clone()))
            .collect();
        let op = lowered.plan.op(t).clone();
        let name = lowered.plan.op_name(t).clone();
        g.insert(
            lowered.keys[t as usize].clone(),
            crate::graph::Task::new(name, op, inputs),
        );
    }
    g
}
