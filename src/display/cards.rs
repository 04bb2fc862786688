//! Reprs of Delayed values, bag Items and Bags: Dask's text forms (people paste them into
//! tests) plus a small HTML card saying what the lazy value is and how big its graph is.

use crate::display::html::{escape, Cell, Table};
use crate::display::units::thousands;
use crate::display::MimeBundle;

/// A Delayed value or a bag reduction result (`Item`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DelayedInfo {
    /// Full key, e.g. `inc-1b2c…` (Delayed) or `sum-aggregate-…` (Item).
    pub key: String,
    /// Name of the function the last task calls (`inc`, `<lambda>`).
    pub func_name: String,
    /// Tasks in its graph.
    pub n_tasks: usize,
    /// True for a bag `Item` rather than a `Delayed`.
    pub item: bool,
}

/// What the bag layer tells display about a Bag.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BagInfo {
    /// Name prefix of the last operation (`from_sequence`, `inc`, `filter-lambda`).
    pub name: String,
    /// Number of partitions.
    pub npartitions: usize,
    /// Tasks in its graph.
    pub n_tasks: usize,
}

fn card(title: &str, rows: Vec<(&str, String)>, hint: &str) -> String {
    let mut t = Table::new().style("text-align: left");
    for (k, v) in rows {
        t = t.row(vec![Cell::header(k), Cell::text(&v)]);
    }
    format!(
        "<div style=\"font-family: sans-serif; border-left: 4px solid #f28e2b; padding-left: 8px\"><strong>{}</strong>{}<div style=\"color: #555; font-size: 90%\">{}</div></div>",
        escape(title),
        t.render(),
        escape(hint)
    )
}

/// `Delayed('key')` / `Item('key')`.
pub fn delayed_text(d: &DelayedInfo) -> String {
    let kind = if d.item { "Item" } else { "Delayed" };
    format!("{kind}('{}')", d.key)
}

/// The bundle for a Delayed or Item: text plus an HTML card.
pub fn delayed_bundle(d: &DelayedInfo) -> MimeBundle {
    let title = if d.item { "dask.bag Item" } else { "Delayed" };
    let html = card(
        title,
        vec![
            ("Key", d.key.clone()),
            ("Function", d.func_name.clone()),
            ("Tasks", thousands(d.n_tasks as u64)),
        ],
        "lazy: call .compute() for the value, .visualize() for the graph",
    );
    MimeBundle::plain(delayed_text(d)).with("text/html", html)
}

/// `dask.bag<name, npartitions=10>`.
pub fn bag_text(b: &BagInfo) -> String {
    format!("dask.bag<{}, npartitions={}>", b.name, b.npartitions)
}

/// The bundle for a Bag: text plus an HTML card.
pub fn bag_bundle(b: &BagInfo) -> MimeBundle {
    let html = card(
        "dask.bag",
        vec![
            ("Name", b.name.clone()),
            ("Partitions", thousands(b.npartitions as u64)),
            ("Tasks", thousands(b.n_tasks as u64)),
        ],
        "lazy: call .compute() for a list, .take(n) for a peek",
    );
    MimeBundle::plain(bag_text(b)).with("text/html", html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    #[test]
    fn delayed_and_item_forms() {
        let d = DelayedInfo {
            key: "inc-8d1f".into(),
            func_name: "<lambda>".into(),
            n_tasks: 1234,
            item: false,
        };
        let b = delayed_bundle(&d);
        assert_eq!(b.text(), "Delayed('inc-8d1f')");
        let html = &b.data["text/html"];
        assert_well_formed(html);
        assert!(html.contains("<td>&lt;lambda&gt;</td>"));
        assert!(html.contains("<td>1,234</td>"));
        let item = DelayedInfo { item: true, ..d };
        assert_eq!(delayed_text(&item), "Item('inc-8d1f')");
    }

    #[test]
    fn bag_forms() {
        let b = BagInfo {
            name: "filter-lambda".into(),
            npartitions: 10,
            n_tasks: 20,
        };
        let bundle = bag_bundle(&b);
        assert_eq!(bundle.text(), "dask.bag<filter-lambda, npartitions=10>");
        assert_well_formed(&bundle.data["text/html"]);
        assert!(bundle.data["text/html"].contains("<th>Partitions</th><td>10</td>"));
    }
}
