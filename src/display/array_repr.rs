//! The lazy array's repr: `text/plain` in Dask's one-line form and `text/html` with the
//! Bytes / Shape / graph / Data type table beside the chunk schematic.

use crate::display::chunks_svg::{chunks_svg, DEFAULT_SIZE};
use crate::display::html::{escape, Cell, Table};
use crate::display::units::{format_bytes_opt, pluralize, shape_tuple};
use crate::display::MimeBundle;

/// What the array layer tells display about an array (metadata only, no data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArrayInfo {
    /// Key prefix without the token, e.g. `random_sample`, `add`, `sum-aggregate`.
    pub name: String,
    /// Chunk sizes per axis; `None` = unknown size (after boolean indexing). Shape is derived.
    pub chunks: Vec<Vec<Option<usize>>>,
    /// NumPy dtype name, e.g. `float64`.
    pub dtype_name: String,
    /// Bytes per element.
    pub itemsize: usize,
    /// Chunk type name shown after the dtype, normally `numpy.ndarray`.
    pub chunk_type: String,
    /// Number of operations (graph layers) that built the array.
    pub n_layers: usize,
    /// Number of tasks in the lowered graph, if known without lowering (tooltip only).
    pub n_tasks: Option<usize>,
}

impl ArrayInfo {
    /// Shape: each axis is the sum of its chunks, unknown if any chunk is unknown.
    pub fn shape(&self) -> Vec<Option<usize>> {
        self.chunks
            .iter()
            .map(|c| c.iter().try_fold(0usize, |acc, x| x.map(|v| acc + v)))
            .collect()
    }

    /// Largest chunk per axis (Dask's `chunksize`); unknown if any chunk of the axis is.
    pub fn chunksize(&self) -> Vec<Option<usize>> {
        self.chunks
            .iter()
            .map(|c| c.iter().try_fold(0usize, |acc, x| x.map(|v| acc.max(v))))
            .collect()
    }

    /// Number of chunks (blocks) in the whole array.
    pub fn n_chunks(&self) -> usize {
        self.chunks.iter().map(Vec::len).product()
    }

    /// Bytes of the whole array, or `None` when a size is unknown.
    pub fn nbytes(&self) -> Option<u64> {
        bytes_of(&self.shape(), self.itemsize)
    }

    /// Bytes of the largest chunk, or `None` when a size is unknown.
    pub fn chunk_nbytes(&self) -> Option<u64> {
        bytes_of(&self.chunksize(), self.itemsize)
    }

    /// Axes whose chunks are uneven beyond the usual smaller last chunk: (axis, min, max).
    pub fn irregular_axes(&self) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (axis, c) in self.chunks.iter().enumerate() {
            let Some(known) = c.iter().copied().collect::<Option<Vec<usize>>>() else {
                continue;
            };
            let Some(&first) = known.first() else {
                continue;
            };
            let body_uneven = known[..known.len() - 1].iter().any(|&v| v != first);
            let last_bigger = known.last().is_some_and(|&v| v > first);
            if body_uneven || last_bigger {
                let lo = known.iter().copied().min().unwrap_or(0);
                let hi = known.iter().copied().max().unwrap_or(0);
                out.push((axis, lo, hi));
            }
        }
        out
    }
}

fn bytes_of(dims: &[Option<usize>], itemsize: usize) -> Option<u64> {
    dims.iter().try_fold(itemsize as u64, |acc, d| {
        d.map(|v| acc.saturating_mul(v as u64))
    })
}

/// Dask's one-line text repr:
/// `dask.array<name, shape=(1000, 1000), dtype=float64, chunksize=(100, 100), chunktype=numpy.ndarray>`.
pub fn array_text(info: &ArrayInfo) -> String {
    format!(
        "dask.array<{}, shape={}, dtype={}, chunksize={}, chunktype={}>",
        info.name,
        shape_tuple(&info.shape()),
        info.dtype_name,
        shape_tuple(&info.chunksize()),
        info.chunk_type
    )
}

/// The HTML table (left half of the repr).
pub fn array_table(info: &ArrayInfo) -> String {
    let graph = format!(
        "{} in {}",
        pluralize(info.n_chunks(), "chunk"),
        pluralize(info.n_layers, "graph layer")
    );
    let mut graph_cell = Cell::text(&graph).span(2);
    if let Some(t) = info.n_tasks {
        graph_cell = Cell::markup(format!(
            "<span title=\"{}\">{}</span>",
            escape(&pluralize(t, "task")),
            escape(&graph)
        ))
        .span(2);
    }
    let mut table = Table::new()
        .head(vec![
            Cell::header(""),
            Cell::header("Array"),
            Cell::header("Chunk"),
        ])
        .row(vec![
            Cell::header("Bytes"),
            Cell::text(&format_bytes_opt(info.nbytes())),
            Cell::text(&format_bytes_opt(info.chunk_nbytes())),
        ])
        .row(vec![
            Cell::header("Shape"),
            Cell::text(&shape_tuple(&info.shape())),
            Cell::text(&shape_tuple(&info.chunksize())),
        ])
        .row(vec![Cell::header("Dask graph"), graph_cell])
        .row(vec![
            Cell::header("Data type"),
            Cell::text(&format!("{} {}", info.dtype_name, info.chunk_type)).span(2),
        ]);
    let irregular = info.irregular_axes();
    if !irregular.is_empty() {
        let parts: Vec<String> = irregular
            .iter()
            .map(|(a, lo, hi)| format!("axis {a}: {lo}–{hi}"))
            .collect();
        table = table.row(vec![
            Cell::header("Irregular"),
            Cell::text(&parts.join("; ")).span(2),
        ]);
    }
    let mut html = table.render();
    if info.chunks.iter().any(|c| c.iter().any(Option::is_none)) {
        html.push_str(
            "<p style=\"font-size: 85%; color: #555; margin: 4px 0\">Some chunk sizes are unknown; <code>compute_chunk_sizes()</code> finds them.</p>",
        );
    }
    html
}

/// The whole HTML repr: the table on the left, the schematic SVG (if any) on the right.
pub fn array_html(info: &ArrayInfo) -> String {
    let svg = chunks_svg(&info.chunks, DEFAULT_SIZE).unwrap_or_default();
    format!(
        "<table><tr><td style=\"vertical-align: top\">{}</td><td style=\"vertical-align: top\">{}</td></tr></table>",
        array_table(info),
        svg
    )
}

/// The MIME bundle for an array value: text/plain + text/html.
pub fn array_bundle(info: &ArrayInfo) -> MimeBundle {
    MimeBundle::plain(array_text(info)).with("text/html", array_html(info))
}

#[cfg(test)]
#[path = "array_repr_tests.rs"]
mod tests;
