//! The summary shown for `Client()` / `LocalCluster()`: Tessera runs one in-process worker
//! pool, so the card lists what that pool really is (workers, threads, memory, scheduler).

use crate::display::html::{escape, Cell, Table};
use crate::display::units::format_bytes_opt;
use crate::display::MimeBundle;

/// Which object is being shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClusterKind {
    /// `distributed.Client(...)`.
    #[default]
    Client,
    /// `distributed.LocalCluster(...)`.
    LocalCluster,
}

/// What the pool looks like, filled in by the dialect's `distributed` shim.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClusterInfo {
    /// Client or LocalCluster.
    pub kind: ClusterKind,
    /// Address shown in reprs, e.g. `inproc://tessera`.
    pub address: String,
    /// Number of workers (1 for the in-process pool).
    pub n_workers: usize,
    /// Threads per worker.
    pub threads_per_worker: usize,
    /// Memory limit per worker in bytes, if any.
    pub memory_per_worker: Option<u64>,
    /// Scheduler name, e.g. `threads`.
    pub scheduler: String,
}

impl ClusterInfo {
    /// Threads over all workers.
    pub fn total_threads(&self) -> usize {
        self.n_workers * self.threads_per_worker
    }

    /// Memory over all workers.
    pub fn total_memory(&self) -> Option<u64> {
        self.memory_per_worker
            .map(|m| m.saturating_mul(self.n_workers as u64))
    }
}

/// The text repr, in distributed's forms: `<Client: 'addr' processes=1 threads=4, memory=… >`
/// and `LocalCluster('addr', workers=1, threads=4, memory=…)`.
pub fn cluster_text(c: &ClusterInfo) -> String {
    let memory = format_bytes_opt(c.total_memory());
    match c.kind {
        ClusterKind::Client => format!(
            "<Client: '{}' processes={} threads={}, memory={}>",
            c.address,
            c.n_workers,
            c.total_threads(),
            memory
        ),
        ClusterKind::LocalCluster => format!(
            "LocalCluster('{}', workers={}, threads={}, memory={})",
            c.address,
            c.n_workers,
            c.total_threads(),
            memory
        ),
    }
}

/// The HTML card: a heading and a table of the pool's resources.
pub fn cluster_html(c: &ClusterInfo) -> String {
    let title = match c.kind {
        ClusterKind::Client => "Client",
        ClusterKind::LocalCluster => "LocalCluster",
    };
    let table = Table::new()
        .style("text-align: left")
        .row(vec![Cell::header("Address"), Cell::text(&c.address)])
        .row(vec![Cell::header("Scheduler"), Cell::text(&c.scheduler)])
        .row(vec![
            Cell::header("Workers"),
            Cell::text(&c.n_workers.to_string()),
        ])
        .row(vec![
            Cell::header("Threads per worker"),
            Cell::text(&c.threads_per_worker.to_string()),
        ])
        .row(vec![
            Cell::header("Total threads"),
            Cell::text(&c.total_threads().to_string()),
        ])
        .row(vec![
            Cell::header("Total memory"),
            Cell::text(&format_bytes_opt(c.total_memory())),
        ])
        .row(vec![
            Cell::header("Dashboard"),
            Cell::text("none: progress bars and Profiler show in the notebook"),
        ]);
    format!(
        "<div style=\"font-family: sans-serif; border-left: 4px solid #4e79a7; padding-left: 8px\"><h3 style=\"margin: 4px 0\">{}</h3>{}</div>",
        escape(title),
        table.render()
    )
}

/// The bundle for a Client or LocalCluster value.
pub fn cluster_bundle(c: &ClusterInfo) -> MimeBundle {
    MimeBundle::plain(cluster_text(c)).with("text/html", cluster_html(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    fn pool(kind: ClusterKind) -> ClusterInfo {
        ClusterInfo {
            kind,
            address: "inproc://tessera".to_string(),
            n_workers: 1,
            threads_per_worker: 4,
            memory_per_worker: Some(8 << 30),
            scheduler: "threads".to_string(),
        }
    }

    #[test]
    fn text_forms() {
        assert_eq!(
            cluster_text(&pool(ClusterKind::Client)),
            "<Client: 'inproc://tessera' processes=1 threads=4, memory=8.00 GiB>"
        );
        let mut lc = pool(ClusterKind::LocalCluster);
        lc.n_workers = 2;
        lc.memory_per_worker = None;
        assert_eq!(
            cluster_text(&lc),
            "LocalCluster('inproc://tessera', workers=2, threads=8, memory=unknown)"
        );
    }

    #[test]
    fn html_card() {
        let b = cluster_bundle(&pool(ClusterKind::Client));
        let html = &b.data["text/html"];
        assert_well_formed(html);
        assert!(html.contains("<h3 style=\"margin: 4px 0\">Client</h3>"));
        assert!(html.contains("<th>Total threads</th><td>4</td>"));
        assert!(html.contains("<td>8.00 GiB</td>"));
        assert!(b.text().starts_with("<Client:"));
    }
}
