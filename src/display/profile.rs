//! Per-task timings as `Profiler` and `%prun` show them: the records the scheduler fills in,
//! and the per-operation table (ncalls, tottime, percall, cumtime) as text and HTML.
//! The task-stream picture is in `task_stream.rs`.

use crate::display::html::{Cell, Table};
use crate::display::units::{format_time, thousands};
use crate::display::MimeBundle;

/// One executed task.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskRecord {
    /// The task's key, e.g. `('add-3f2a', 0, 1)` (hover title).
    pub key: String,
    /// Operation name (key prefix), e.g. `add`; tasks are grouped and coloured by it.
    pub op: String,
    /// Worker thread index that ran it.
    pub thread: usize,
    /// Start time in seconds (any origin; the earliest start is drawn at 0).
    pub start: f64,
    /// End time in seconds.
    pub end: f64,
}

/// A finished computation's profile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileView {
    /// Every executed task.
    pub tasks: Vec<TaskRecord>,
}

impl ProfileView {
    /// The scheduler's timings as the displays' task records (one timeline: each
    /// run starts where the previous ended, so several computes read left to right).
    pub fn from_profiles(profiles: &[crate::sched::Profile]) -> ProfileView {
        let mut tasks = Vec::new();
        let mut offset = 0.0;
        for p in profiles {
            let mut end = 0.0f64;
            for t in &p.timings {
                let op = p
                    .ops
                    .get(t.op as usize)
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                let (s, e) = (t.start.as_secs_f64(), t.end.as_secs_f64());
                end = end.max(e);
                tasks.push(TaskRecord {
                    key: format!("{op} #{}", t.task),
                    op,
                    thread: t.worker as usize,
                    start: offset + s,
                    end: offset + e,
                });
            }
            offset += end;
        }
        ProfileView { tasks }
    }
}

/// Totals for one operation.
#[derive(Clone, Debug, PartialEq)]
pub struct OpStats {
    /// Operation name.
    pub op: String,
    /// Number of tasks.
    pub ncalls: usize,
    /// Summed task durations (seconds).
    pub tottime: f64,
    /// Cumulative time: tasks do not nest, so this equals `tottime` (kept for %prun's columns).
    pub cumtime: f64,
}

impl OpStats {
    /// Mean seconds per task.
    pub fn percall(&self) -> f64 {
        if self.ncalls == 0 {
            0.0
        } else {
            self.tottime / self.ncalls as f64
        }
    }
}

impl ProfileView {
    /// Per-operation totals, largest total time first (then by name).
    pub fn op_stats(&self) -> Vec<OpStats> {
        let mut by_op: std::collections::BTreeMap<&str, (usize, f64)> = Default::default();
        for t in &self.tasks {
            let e = by_op.entry(t.op.as_str()).or_default();
            e.0 += 1;
            e.1 += (t.end - t.start).max(0.0);
        }
        let mut out: Vec<OpStats> = by_op
            .into_iter()
            .map(|(op, (n, tot))| OpStats {
                op: op.to_string(),
                ncalls: n,
                tottime: tot,
                cumtime: tot,
            })
            .collect();
        out.sort_by(|a, b| b.tottime.total_cmp(&a.tottime).then(a.op.cmp(&b.op)));
        out
    }

    /// Wall-clock span from the first start to the last end (seconds).
    pub fn wall(&self) -> f64 {
        let lo = self
            .tasks
            .iter()
            .map(|t| t.start)
            .fold(f64::INFINITY, f64::min);
        let hi = self
            .tasks
            .iter()
            .map(|t| t.end)
            .fold(f64::NEG_INFINITY, f64::max);
        if lo.is_finite() && hi.is_finite() {
            (hi - lo).max(0.0)
        } else {
            0.0
        }
    }

    /// Operation names in first-seen order (stable colours across the picture and table).
    pub fn ops_in_order(&self) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        let mut tasks: Vec<&TaskRecord> = self.tasks.iter().collect();
        tasks.sort_by(|a, b| a.start.total_cmp(&b.start));
        for t in tasks {
            if !seen.contains(&t.op) {
                seen.push(t.op.clone());
            }
        }
        seen
    }
}

/// The `%prun`-style text report (cProfile's column layout, one row per operation).
pub fn profile_text(p: &ProfileView) -> String {
    let stats = p.op_stats();
    let mut out = format!(
        "         {} tasks in {:.3} seconds\n\n   Ordered by: internal time\n\n   ncalls  tottime  percall  cumtime  percall operation\n",
        p.tasks.len(),
        p.wall()
    );
    out.push_str(&profile_rows(&stats));
    out
}

/// cProfile-style rows (`ncalls tottime percall cumtime percall operation`).
pub fn profile_rows(stats: &[OpStats]) -> String {
    stats
        .iter()
        .map(|s| {
            format!(
                "{:>9} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {}\n",
                s.ncalls,
                s.tottime,
                s.percall(),
                s.cumtime,
                s.percall(),
                s.op
            )
        })
        .collect()
}

/// The per-operation table as HTML, with each operation's task-stream colour.
pub fn profile_table_html(p: &ProfileView) -> String {
    let ops = p.ops_in_order();
    let colour = |op: &str| {
        let i = ops.iter().position(|o| o == op).unwrap_or(0);
        crate::display::colors::categorical(i)
    };
    let mut t = Table::new().head(
        ["operation", "ncalls", "tottime", "percall", "cumtime"]
            .iter()
            .map(|h| Cell::header(h))
            .collect(),
    );
    for s in p.op_stats() {
        let swatch = format!(
            "<span style=\"display: inline-block; width: 10px; height: 10px; margin-right: 4px; background: {}\"></span>{}",
            colour(&s.op),
            crate::display::html::escape(&s.op)
        );
        t = t.row(vec![
            Cell::markup(swatch),
            Cell::text(&thousands(s.ncalls as u64)),
            Cell::text(&format_time(s.tottime)),
            Cell::text(&format_time(s.percall())),
            Cell::text(&format_time(s.cumtime)),
        ]);
    }
    t.render()
}

/// The bundle for `Profiler().visualize()` / `%prun`: text table, HTML (stream + table) and SVG.
pub fn profile_bundle(p: &ProfileView) -> MimeBundle {
    let svg = crate::display::task_stream::task_stream_svg(p);
    MimeBundle::plain(profile_text(p))
        .with(
            "text/html",
            format!("<div>{svg}{}</div>", profile_table_html(p)),
        )
        .with("image/svg+xml", svg)
}

#[cfg(test)]
#[path = "profile_tests.rs"]
mod tests;
