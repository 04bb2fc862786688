//! The task-stream picture: one lane per worker thread, one bar per task coloured by its
//! operation, hover titles with key and duration, and a time axis. Adjacent same-operation
//! tasks narrower than a pixel are merged into one bar (its title says how many), so huge
//! runs stay small and legible instead of turning into a grey smear.

use crate::display::colors;
use crate::display::profile::ProfileView;
use crate::display::svg::{self, num, Anchor};
use crate::display::units::{format_time, pluralize, thousands};
use std::fmt::Write as _;

const WIDTH: f64 = 760.0;
const LANE: f64 = 22.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 28.0;

/// A "nice" tick step (1, 2 or 5 × 10^k) giving about `target` ticks over `span`.
pub fn tick_step(span: f64, target: usize) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let nice = if norm <= 1.0 {
        1.0
    } else if norm <= 2.0 {
        2.0
    } else if norm <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// One drawn bar (possibly several merged tasks).
struct Bar {
    x0: f64,
    x1: f64,
    op: usize,
    count: usize,
    busy: f64,
    key: String,
}

/// The task stream as an SVG document.
pub fn task_stream_svg(p: &ProfileView) -> String {
    let ops = p.ops_in_order();
    let mut threads: Vec<usize> = p.tasks.iter().map(|t| t.thread).collect();
    threads.sort_unstable();
    threads.dedup();
    let t0 = p
        .tasks
        .iter()
        .map(|t| t.start)
        .fold(f64::INFINITY, f64::min);
    let t0 = if t0.is_finite() { t0 } else { 0.0 };
    let span = p.wall().max(1e-9);
    let plot_w = WIDTH - LEFT - RIGHT;
    let sx = |t: f64| LEFT + (t - t0) / span * plot_w;
    let legend_rows = ops.len().div_ceil(4);
    let plot_h = threads.len().max(1) as f64 * LANE;
    let height = TOP + plot_h + 34.0 + legend_rows as f64 * 16.0 + 8.0;

    let mut out = String::new();
    svg::open(&mut out, WIDTH, height);
    out.push_str("<g font-family=\"sans-serif\">");
    let busy: f64 = p.tasks.iter().map(|t| (t.end - t.start).max(0.0)).sum();
    let util = if threads.is_empty() {
        0.0
    } else {
        100.0 * busy / (span * threads.len() as f64)
    };
    let summary = format!(
        "{} {} on {} in {} · threads busy {:.0}%",
        thousands(p.tasks.len() as u64),
        if p.tasks.len() == 1 { "task" } else { "tasks" },
        pluralize(threads.len(), "thread"),
        format_time(p.wall()),
        util.min(100.0)
    );
    svg::text(&mut out, (LEFT, 12.0), &summary, 12.0, Anchor::Start, 0.0);

    for (lane, &th) in threads.iter().enumerate() {
        let y = TOP + lane as f64 * LANE;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" />",
            num(LEFT),
            num(y),
            num(plot_w),
            num(LANE),
            if lane % 2 == 0 { "#f6f6f6" } else { "#ffffff" }
        );
        svg::text(
            &mut out,
            (LEFT - 6.0, y + LANE / 2.0),
            &format!("thread {th}"),
            11.0,
            Anchor::End,
            0.0,
        );
        let mut tasks: Vec<_> = p.tasks.iter().filter(|t| t.thread == th).collect();
        tasks.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut bars: Vec<Bar> = Vec::new();
        for t in tasks {
            let op = ops.iter().position(|o| *o == t.op).unwrap_or(0);
            let (x0, x1) = (sx(t.start), sx(t.end.max(t.start)));
            let dur = (t.end - t.start).max(0.0);
            if let Some(b) = bars.last_mut() {
                if b.op == op && x1 - b.x0 < 1.0 && x0 - b.x1 < 1.0 {
                    b.x1 = b.x1.max(x1);
                    b.count += 1;
                    b.busy += dur;
                    continue;
                }
            }
            bars.push(Bar {
                x0,
                x1,
                op,
                count: 1,
                busy: dur,
                key: t.key.clone(),
            });
        }
        for b in bars {
            let title = if b.count == 1 {
                format!("{}\n{}: {}", b.key, ops[b.op], format_time(b.busy))
            } else {
                format!(
                    "{} {} tasks: {} busy",
                    b.count,
                    ops[b.op],
                    format_time(b.busy)
                )
            };
            let _ = write!(
                out,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"><title>{}</title></rect>",
                num(b.x0),
                num(y + 2.0),
                num((b.x1 - b.x0).max(0.6)),
                num(LANE - 4.0),
                colors::categorical(b.op),
                crate::display::html::escape(&title)
            );
        }
    }

    // Time axis.
    let axis_y = TOP + plot_h;
    svg::line_colored(&mut out, (LEFT, axis_y), (LEFT + plot_w, axis_y), "#333");
    let step = tick_step(span, 6);
    let mut k = 0.0;
    while k <= span * (1.0 + 1e-9) {
        let x = LEFT + k / span * plot_w;
        svg::line_colored(&mut out, (x, axis_y), (x, axis_y + 4.0), "#333");
        svg::text(
            &mut out,
            (x, axis_y + 13.0),
            &if k == 0.0 {
                "0".to_string()
            } else {
                format_time(k)
            },
            10.0,
            Anchor::Middle,
            0.0,
        );
        k += step;
    }

    // Legend: operation colours.
    for (i, op) in ops.iter().enumerate() {
        let x = LEFT + (i % 4) as f64 * (plot_w / 4.0);
        let y = axis_y + 30.0 + (i / 4) as f64 * 16.0;
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\" />",
            num(x),
            num(y - 5.0),
            colors::categorical(i)
        );
        svg::text(&mut out, (x + 14.0, y), op, 11.0, Anchor::Start, 0.0);
    }
    out.push_str("</g></svg>");
    out
}
