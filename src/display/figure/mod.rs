//! Figures for `matplotlib.pyplot`-style plotting: a plain-data model (figure →
//! grid of axes → artists) that the dialect's shim fills in, and its rendering as
//! one SVG (images embedded as PNG). Knows nothing of the dialect.

pub mod colormap;
pub mod image;
mod render;
pub mod ticks;

use crate::display::MimeBundle;

/// Matplotlib's default colour cycle ("tab10").
pub const CYCLE: [&str; 10] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
];

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LineStyle {
    /// Solid line.
    #[default]
    Solid,
    /// Dashed line.
    Dashed,
    /// Markers only.
    None,
}

/// One thing drawn in an axes.
#[derive(Clone, Debug, PartialEq)]
pub enum Artist {
    /// `imshow`: a `rows × cols` grid of values (row-major) through a colormap.
    Image {
        /// Number of rows.
        rows: usize,
        /// Number of columns.
        cols: usize,
        /// The values.
        data: Vec<f64>,
        /// Colormap name.
        cmap: String,
        /// Value at the colormap's low end.
        vmin: f64,
        /// Value at its high end.
        vmax: f64,
    },
    /// `plot`: a polyline, with optional markers.
    Line {
        /// x values.
        xs: Vec<f64>,
        /// y values.
        ys: Vec<f64>,
        /// CSS colour.
        color: String,
        /// Legend label.
        label: Option<String>,
        /// Line style.
        style: LineStyle,
        /// Draw point markers.
        markers: bool,
    },
    /// `scatter`: points.
    Scatter {
        /// x values.
        xs: Vec<f64>,
        /// y values.
        ys: Vec<f64>,
        /// CSS colour.
        color: String,
        /// Legend label.
        label: Option<String>,
        /// Marker area in points² (matplotlib's `s`).
        size: f64,
    },
    /// `hist`: bars between consecutive edges.
    Bars {
        /// Bin edges (one more than counts).
        edges: Vec<f64>,
        /// Bar heights.
        counts: Vec<f64>,
        /// CSS colour.
        color: String,
        /// Legend label.
        label: Option<String>,
    },
}

/// One plotting area.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axes {
    /// Title above the axes.
    pub title: String,
    /// x-axis label.
    pub xlabel: String,
    /// y-axis label.
    pub ylabel: String,
    /// What is drawn, in order.
    pub artists: Vec<Artist>,
    /// Draw a legend of labelled artists.
    pub legend: bool,
    /// Draw a colorbar for the last image.
    pub colorbar: bool,
    /// Fixed x range.
    pub xlim: Option<(f64, f64)>,
    /// Fixed y range.
    pub ylim: Option<(f64, f64)>,
    /// `axis('off')`: no frame, ticks or labels.
    pub axis_off: bool,
}

impl Axes {
    /// The next colour of the cycle for this axes.
    pub fn next_color(&self) -> String {
        let used = self
            .artists
            .iter()
            .filter(|a| !matches!(a, Artist::Image { .. }))
            .count();
        CYCLE[used % CYCLE.len()].to_string()
    }
}

/// A figure: size and a grid of axes.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Width in inches (matplotlib's figsize).
    pub width_in: f64,
    /// Height in inches.
    pub height_in: f64,
    /// Grid rows.
    pub nrows: usize,
    /// Grid columns.
    pub ncols: usize,
    /// Axes in row-major grid order (empty until something is drawn).
    pub axes: Vec<Axes>,
    /// Title over the whole figure.
    pub suptitle: String,
}

impl Figure {
    /// An empty figure of `width × height` inches.
    pub fn new(width_in: f64, height_in: f64) -> Figure {
        Figure {
            width_in,
            height_in,
            nrows: 1,
            ncols: 1,
            axes: Vec::new(),
            suptitle: String::new(),
        }
    }

    /// matplotlib's text form: `<Figure size 640x480 with 1 Axes>`.
    pub fn text(&self) -> String {
        format!(
            "<Figure size {}x{} with {} Axes>",
            (self.width_in * 100.0).round(),
            (self.height_in * 100.0).round(),
            self.axes.len()
        )
    }

    /// The figure as an SVG document.
    pub fn svg(&self) -> String {
        render::figure_svg(self)
    }

    /// text/plain plus image/svg+xml.
    pub fn bundle(&self) -> MimeBundle {
        MimeBundle::plain(self.text()).with("image/svg+xml", self.svg())
    }
}
