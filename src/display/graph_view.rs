//! What the graph layer tells display about a task graph to draw, and the drawing options.

/// Task count above which `visualize()` should pass the collapsed one-node-per-operation
/// view instead of every task (a node-link picture of more is unreadable).
pub const COLLAPSE_ABOVE_TASKS: usize = 500;

/// Whether a node is a piece of data (drawn as a box) or an operation (a circle).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A chunk or value: a box labelled with its chunk index.
    Data,
    /// A task's function: a circle labelled with the operation name.
    Op,
}

/// One node of the drawn graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphNode {
    /// Full key, shown as the hover title (e.g. `('add-3f2a', 0, 1)`).
    pub id: String,
    /// Short label: operation name (`add`, `ones+add+sum`) or chunk index (`(0, 1)`).
    pub label: String,
    /// Box or circle.
    pub kind: NodeKind,
    /// Static execution order (priority), for `color='order'`.
    pub order: Option<usize>,
    /// Tasks this node stands for in the collapsed per-operation view.
    pub tasks: Option<usize>,
}

/// A graph to draw: nodes and edges `(from, to)` = (input, consumer), indices into `nodes`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphView {
    /// The nodes.
    pub nodes: Vec<GraphNode>,
    /// Dependencies as (input node, consuming node).
    pub edges: Vec<(usize, usize)>,
    /// True when this is the one-node-per-operation view of a larger task graph.
    pub collapsed: bool,
    /// Number of tasks of the full graph (stated in the collapsed view's caption).
    pub total_tasks: Option<usize>,
}

/// Which way layers run: inputs at the top (TB), bottom (BT, Dask's default), left, right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RankDir {
    /// Top to bottom.
    TB,
    /// Bottom to top (inputs at the bottom, result on top).
    #[default]
    BT,
    /// Left to right.
    LR,
    /// Right to left.
    RL,
}

impl RankDir {
    /// Parse `'TB'|'BT'|'LR'|'RL'` (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "TB" => Some(Self::TB),
            "BT" => Some(Self::BT),
            "LR" => Some(Self::LR),
            "RL" => Some(Self::RL),
            _ => None,
        }
    }

    /// Layers stacked horizontally (LR/RL) rather than vertically.
    pub fn horizontal(self) -> bool {
        matches!(self, Self::LR | Self::RL)
    }

    /// Unit vector pointing from inputs towards consumers.
    pub fn dir(self) -> (f64, f64) {
        match self {
            Self::TB => (0.0, 1.0),
            Self::BT => (0.0, -1.0),
            Self::LR => (1.0, 0.0),
            Self::RL => (-1.0, 0.0),
        }
    }
}

/// How nodes are coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ColorMode {
    /// Fixed light fills (operations tan, data blue).
    #[default]
    Plain,
    /// By static execution order, with a legend.
    Order,
}

/// Options of `visualize()` that affect the drawing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GraphOptions {
    /// Layer direction.
    pub rankdir: RankDir,
    /// Node colouring.
    pub color: ColorMode,
}
