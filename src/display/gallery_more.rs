//! Gallery samples of the renderers other than the chunk schematic (test-only).

use crate::display::graph_svg::graph_svg;
use crate::display::graph_view::{
    ColorMode, GraphNode, GraphOptions, GraphView, NodeKind, RankDir,
};
use crate::display::profile::{ProfileView, TaskRecord};
use crate::display::task_stream::task_stream_svg;

fn node(label: String, kind: NodeKind, order: usize) -> GraphNode {
    GraphNode {
        id: format!("{label}-key"),
        label,
        kind,
        order: Some(order),
        tasks: None,
    }
}

/// `ones((4, 4) blocks).sum()` with 2×2 partial sums, node ids row-major.
pub fn sum_tree_4x4() -> GraphView {
    use NodeKind::*;
    let mut g = GraphView::default();
    let mut order = 0;
    let mut push = |g: &mut GraphView, label: String, kind: NodeKind| {
        order += 1;
        g.nodes.push(node(label, kind, order));
        g.nodes.len() - 1
    };
    let mut sums = vec![vec![0; 4]; 4];
    for (i, row) in sums.iter_mut().enumerate() {
        for (j, slot) in row.iter_mut().enumerate() {
            let make = push(&mut g, "ones_like".into(), Op);
            let data = push(&mut g, format!("({i}, {j})"), Data);
            let sum = push(&mut g, "sum".into(), Op);
            let out = push(&mut g, format!("({i}, {j})"), Data);
            g.edges.extend([(make, data), (data, sum), (sum, out)]);
            *slot = out;
        }
    }
    let mut parts = Vec::new();
    for a in 0..2 {
        for b in 0..2 {
            let p = push(&mut g, "sum-partial".into(), Op);
            let po = push(&mut g, format!("({a}, {b})"), Data);
            for i in 0..2 {
                for j in 0..2 {
                    g.edges.push((sums[2 * a + i][2 * b + j], p));
                }
            }
            g.edges.push((p, po));
            parts.push(po);
        }
    }
    let agg = push(&mut g, "sum-aggregate".into(), Op);
    let res = push(&mut g, "()".into(), Data);
    for p in parts {
        g.edges.push((p, agg));
    }
    g.edges.push((agg, res));
    g
}

fn collapsed() -> GraphView {
    use NodeKind::*;
    let mut g = GraphView {
        collapsed: true,
        total_tasks: Some(40_401),
        ..Default::default()
    };
    let names = [
        ("random_sample", Op, 10_000),
        ("(100, 100) blocks", Data, 10_000),
        ("transpose", Op, 10_000),
        ("add", Op, 10_000),
        ("sum", Op, 10_000),
        ("sum-partial", Op, 400),
        ("sum-aggregate", Op, 1),
        ("()", Data, 1),
    ];
    for (i, (label, kind, tasks)) in names.into_iter().enumerate() {
        let mut nd = node(label.to_string(), kind, i);
        nd.tasks = Some(tasks);
        g.nodes.push(nd);
    }
    g.edges = vec![
        (0, 1),
        (1, 2),
        (1, 3),
        (2, 3),
        (3, 4),
        (4, 5),
        (5, 6),
        (6, 7),
    ];
    g
}

/// A made-up run: `n` tasks of four operations spread over `threads` threads.
fn stream(n: usize, threads: usize) -> ProfileView {
    let ops = ["random_sample", "add", "sum", "sum-aggregate"];
    let mut clock = vec![0.0f64; threads];
    let mut tasks = Vec::new();
    for i in 0..n {
        let th = i % threads;
        let op = ops[(i * ops.len() / n).min(ops.len() - 1)];
        let dur = 0.002 + 0.003 * ((i * 7919) % 13) as f64 / 13.0;
        tasks.push(TaskRecord {
            key: format!("('{op}-ab12', {i})"),
            op: op.to_string(),
            thread: th,
            start: clock[th],
            end: clock[th] + dur,
        });
        clock[th] += dur + 0.0002;
    }
    ProfileView { tasks }
}

/// `x + x.T` on an n×n-block array: ones → data; transpose; add(i,j) takes x(i,j) and xT(i,j)=x(j,i).
pub fn add_transpose(n: usize) -> GraphView {
    use NodeKind::*;
    let mut g = GraphView::default();
    let mut order = 0;
    let mut push = |g: &mut GraphView, label: String, kind: NodeKind| {
        order += 1;
        g.nodes.push(node(label, kind, order));
        g.nodes.len() - 1
    };
    let mut x = vec![vec![0; n]; n];
    for (i, row) in x.iter_mut().enumerate() {
        for (j, slot) in row.iter_mut().enumerate() {
            let op = push(&mut g, "ones_like".into(), Op);
            let d = push(&mut g, format!("({i}, {j})"), Data);
            g.edges.push((op, d));
            *slot = d;
        }
    }
    for (i, row) in x.iter().enumerate() {
        for (j, &xij) in row.iter().enumerate() {
            let t = push(&mut g, "transpose".into(), Op);
            let td = push(&mut g, format!("({i}, {j})"), Data);
            g.edges.extend([(x[j][i], t), (t, td)]);
            let a = push(&mut g, "add".into(), Op);
            let ad = push(&mut g, format!("({i}, {j})"), Data);
            g.edges.extend([(xij, a), (td, a), (a, ad)]);
        }
    }
    g
}

/// A Delayed pipeline: inc(1), inc(2), double each, add pairs, then total (empty data labels).
fn delayed_like() -> GraphView {
    use NodeKind::*;
    let mut g = GraphView::default();
    let push = |g: &mut GraphView, label: &str, kind: NodeKind| {
        g.nodes.push(node(label.to_string(), kind, g.nodes.len()));
        g.nodes.len() - 1
    };
    let mut outs = Vec::new();
    for _ in 0..4 {
        let inc = push(&mut g, "inc", Op);
        let a = push(&mut g, "", Data);
        let dbl = push(&mut g, "double", Op);
        let b = push(&mut g, "", Data);
        g.edges.extend([(inc, a), (a, dbl), (dbl, b)]);
        outs.push((a, b));
    }
    let add1 = push(&mut g, "add", Op);
    let s1 = push(&mut g, "", Data);
    let add2 = push(&mut g, "add", Op);
    let s2 = push(&mut g, "", Data);
    let total = push(&mut g, "sum", Op);
    let t = push(&mut g, "", Data);
    g.edges
        .extend([(outs[0].1, add1), (outs[1].1, add1), (add1, s1)]);
    g.edges
        .extend([(outs[2].1, add2), (outs[3].0, add2), (add2, s2)]);
    g.edges
        .extend([(s1, total), (s2, total), (outs[0].0, total), (total, t)]);
    g
}

/// Named sample outputs (file name, content).
pub fn samples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let tree = sum_tree_4x4();
    for (name, opts) in [
        ("graph_tree_bt", GraphOptions::default()),
        (
            "graph_tree_lr_order",
            GraphOptions {
                rankdir: RankDir::LR,
                color: ColorMode::Order,
            },
        ),
    ] {
        out.push((
            format!("{name}.svg"),
            graph_svg(&tree, opts).expect("layout"),
        ));
    }
    out.push((
        "graph_add_transpose.svg".to_string(),
        graph_svg(&add_transpose(3), GraphOptions::default()).expect("layout"),
    ));
    out.push((
        "graph_delayed_tb.svg".to_string(),
        graph_svg(
            &delayed_like(),
            GraphOptions {
                rankdir: RankDir::TB,
                color: ColorMode::Plain,
            },
        )
        .expect("layout"),
    ));
    out.push((
        "stream_small.svg".to_string(),
        task_stream_svg(&stream(40, 4)),
    ));
    out.push((
        "stream_huge.svg".to_string(),
        task_stream_svg(&stream(20_000, 2)),
    ));
    out.extend(html_samples());
    out.push((
        "graph_collapsed.svg".to_string(),
        graph_svg(&collapsed(), GraphOptions::default()).expect("layout"),
    ));
    out
}

/// HTML outputs of the table-like renderers.
fn html_samples() -> Vec<(String, String)> {
    use crate::display::array_repr::{array_html, ArrayInfo};
    use crate::display::progress::{progress_html, ProgressState, ProgressView};
    let arr = ArrayInfo {
        name: "random_sample".into(),
        chunks: vec![vec![Some(1000); 5], vec![Some(1000); 5]],
        dtype_name: "float64".into(),
        itemsize: 8,
        chunk_type: "numpy.ndarray".into(),
        n_layers: 1,
        n_tasks: Some(25),
    };
    let unknown = ArrayInfo {
        chunks: vec![vec![None; 25]],
        name: "getitem".into(),
        n_layers: 8,
        ..arr.clone()
    };
    use crate::display::cards::{delayed_bundle, DelayedInfo};
    use crate::display::cluster::{cluster_html, ClusterInfo, ClusterKind};
    use crate::display::layers_repr::{layers_html, LayerInfo, LayersView};
    let layers = LayersView {
        layers: vec![
            LayerInfo {
                name: "random_sample-0123456789ab".into(),
                layer_type: "MaterializedLayer".into(),
                n_outputs: 25,
                depends_on: vec![],
                array: Some(arr.clone()),
            },
            LayerInfo {
                name: "add-fedcba9876543210".into(),
                layer_type: "Blockwise".into(),
                n_outputs: 25,
                depends_on: vec![0],
                array: Some(arr.clone()),
            },
        ],
    };
    let cluster = ClusterInfo {
        kind: ClusterKind::LocalCluster,
        address: "inproc://tessera".into(),
        n_workers: 1,
        threads_per_worker: 2,
        memory_per_worker: Some(8 << 30),
        scheduler: "threads".into(),
    };
    let delayed = DelayedInfo {
        key: "inc-5f2b0c1d".into(),
        func_name: "inc".into(),
        n_tasks: 3,
        item: false,
    };
    vec![
        ("cluster.html".to_string(), cluster_html(&cluster)),
        (
            "delayed.html".to_string(),
            delayed_bundle(&delayed).data["text/html"].clone(),
        ),
        ("layers.html".to_string(), layers_html(&layers)),
        ("array_repr.html".to_string(), array_html(&arr)),
        ("array_repr_unknown.html".to_string(), array_html(&unknown)),
        (
            "progress.html".to_string(),
            progress_html(&ProgressView {
                done: 450,
                total: 1000,
                elapsed_secs: 1.5,
                state: ProgressState::Running,
            }),
        ),
        (
            "profile.html".to_string(),
            crate::display::profile::profile_bundle(&stream(40, 4)).data["text/html"].clone(),
        ),
    ]
}
