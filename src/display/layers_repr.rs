//! The expression graph's layers (`x.dask`): Dask's HighLevelGraph text and HTML forms —
//! one entry per operation in topological order with its type, output count, array
//! metadata, dependencies and chunk schematic. Counts come from metadata, never from
//! materializing keys.

use crate::display::array_repr::ArrayInfo;
use crate::display::chunks_svg::chunks_svg;
use crate::display::html::{escape, Cell, Table};
use crate::display::units::{pluralize, shape_tuple, thousands};
use crate::display::MimeBundle;

/// One layer (operation) of the expression graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayerInfo {
    /// Full layer name, e.g. `add-3f2a…`.
    pub name: String,
    /// Layer class, e.g. `Blockwise`, `MaterializedLayer`.
    pub layer_type: String,
    /// Number of output keys (tasks) of this layer.
    pub n_outputs: usize,
    /// Indices (into the view's layers) this layer depends on.
    pub depends_on: Vec<usize>,
    /// Array metadata when the layer produces an array.
    pub array: Option<ArrayInfo>,
}

/// All layers in topological order (dependencies first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LayersView {
    /// The layers.
    pub layers: Vec<LayerInfo>,
}

/// Layer name without its token (`add-3f2a9c` → `add`), like Dask's key_split.
pub fn short_name(name: &str) -> &str {
    match name.rsplit_once('-') {
        Some((head, tail)) if tail.len() >= 8 && tail.chars().all(|c| c.is_ascii_hexdigit()) => {
            head
        }
        _ => name,
    }
}

/// `HighLevelGraph with N layers.` followed by the layer names.
pub fn layers_text(v: &LayersView) -> String {
    let mut out = format!(
        "HighLevelGraph with {}.\n",
        pluralize(v.layers.len(), "layer")
    );
    for (i, l) in v.layers.iter().enumerate() {
        out.push_str(&format!(" {i}. {}\n", l.name));
    }
    out
}

/// The HTML listing: a summary sentence and one collapsible section per layer.
pub fn layers_html(v: &LayersView) -> String {
    let keys: usize = v.layers.iter().map(|l| l.n_outputs).sum();
    let mut out = format!(
        "<div style=\"font-family: sans-serif\"><h3 style=\"margin: 4px 0\">HighLevelGraph</h3><p>HighLevelGraph with {} and {} from all layers.</p>",
        pluralize(v.layers.len(), "layer"),
        escape(&format!("{} keys", thousands(keys as u64)))
    );
    for (i, l) in v.layers.iter().enumerate() {
        let mut t = Table::new()
            .style("text-align: left")
            .row(vec![Cell::header("layer_type"), Cell::text(&l.layer_type)])
            .row(vec![Cell::header("is_materialized"), Cell::text("False")])
            .row(vec![
                Cell::header("number of outputs"),
                Cell::text(&thousands(l.n_outputs as u64)),
            ]);
        if let Some(a) = &l.array {
            t = t
                .row(vec![
                    Cell::header("shape"),
                    Cell::text(&shape_tuple(&a.shape())),
                ])
                .row(vec![Cell::header("dtype"), Cell::text(&a.dtype_name)])
                .row(vec![
                    Cell::header("chunksize"),
                    Cell::text(&shape_tuple(&a.chunksize())),
                ])
                .row(vec![
                    Cell::header("type"),
                    Cell::text("dask.array.core.Array"),
                ])
                .row(vec![Cell::header("chunk_type"), Cell::text(&a.chunk_type)]);
        }
        let deps: Vec<String> = l
            .depends_on
            .iter()
            .filter_map(|&d| v.layers.get(d))
            .map(|d| escape(&d.name))
            .collect();
        if !deps.is_empty() {
            t = t.row(vec![
                Cell::header("depends on"),
                Cell::markup(deps.join("<br />")),
            ]);
        }
        let svg = l
            .array
            .as_ref()
            .and_then(|a| chunks_svg(&a.chunks, 120.0))
            .unwrap_or_default();
        out.push_str(&format!(
            "<details><summary>Layer{i}: {}</summary><p style=\"color: #555\">{}</p><table><tr><td style=\"vertical-align: top\">{}</td><td>{svg}</td></tr></table></details>",
            escape(short_name(&l.name)),
            escape(&l.name),
            t.render()
        ));
    }
    out.push_str("</div>");
    out
}

/// The bundle for `x.dask`.
pub fn layers_bundle(v: &LayersView) -> MimeBundle {
    MimeBundle::plain(layers_text(v)).with("text/html", layers_html(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    fn view() -> LayersView {
        let arr = ArrayInfo {
            name: "random_sample".into(),
            chunks: vec![vec![Some(2); 2], vec![Some(2); 2]],
            dtype_name: "float64".into(),
            itemsize: 8,
            chunk_type: "numpy.ndarray".into(),
            n_layers: 1,
            n_tasks: None,
        };
        LayersView {
            layers: vec![
                LayerInfo {
                    name: "random_sample-0123456789ab".into(),
                    layer_type: "MaterializedLayer".into(),
                    n_outputs: 4,
                    depends_on: vec![],
                    array: Some(arr.clone()),
                },
                LayerInfo {
                    name: "add-fedcba9876543210".into(),
                    layer_type: "Blockwise".into(),
                    n_outputs: 4,
                    depends_on: vec![0],
                    array: Some(arr),
                },
            ],
        }
    }

    #[test]
    fn names_lose_tokens_only() {
        assert_eq!(short_name("add-fedcba9876543210"), "add");
        assert_eq!(short_name("sum-aggregate"), "sum-aggregate");
        assert_eq!(
            short_name("rechunk-merge-0123456789abcdef"),
            "rechunk-merge"
        );
    }

    #[test]
    fn text_and_html_list_layers() {
        let v = view();
        assert_eq!(
            layers_text(&v),
            "HighLevelGraph with 2 layers.\n 0. random_sample-0123456789ab\n 1. add-fedcba9876543210\n"
        );
        let html = layers_bundle(&v).data["text/html"].clone();
        assert_well_formed(&html);
        assert!(html.contains("HighLevelGraph with 2 layers and 8 keys from all layers."));
        assert!(html.contains("<summary>Layer1: add</summary>"));
        assert!(html.contains("<th>depends on</th><td>random_sample-0123456789ab</td>"));
        assert_eq!(html.matches("<svg").count(), 2);
        assert!(html.contains("<td>(2, 2)</td>"));
    }
}
