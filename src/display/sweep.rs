//! The `%%chunksweep` picture and table: time against the swept value on
//! log-log axes with the fastest point marked, so the point where per-task
//! overhead starts to dominate is visible at a glance.

use super::html::{escape, Cell, Table};
use super::svg::{self, Anchor};
use super::units::{format_bytes, format_time, thousands};
use std::fmt::Write as _;

/// One measured value of the swept variable.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepPoint {
    /// The value as the user wrote it (`(100, 100)`, `'auto'`, `50`).
    pub label: String,
    /// A number to place it on a log axis, when it has one.
    pub x: Option<f64>,
    /// Mean seconds per run of the body.
    pub seconds: f64,
    /// Standard deviation of the runs.
    pub stdev: f64,
    /// Tasks run per execution of the body.
    pub tasks: usize,
    /// Tasks of the largest operation (≈ the chunk count of the biggest array).
    pub chunks: usize,
    /// Peak estimated bytes of results alive at once.
    pub peak_bytes: u64,
}

/// The index of the fastest point.
pub fn fastest(points: &[SweepPoint]) -> Option<usize> {
    (0..points.len()).min_by(|&a, &b| points[a].seconds.total_cmp(&points[b].seconds))
}

/// The results table (HTML), fastest row in bold.
pub fn table_html(var: &str, points: &[SweepPoint]) -> String {
    let best = fastest(points);
    let mut t = Table::new().head(vec![
        Cell::header(var),
        Cell::header("time per run"),
        Cell::header("± std"),
        Cell::header("tasks"),
        Cell::header("chunks*"),
        Cell::header("peak memory"),
    ]);
    for (i, p) in points.iter().enumerate() {
        t = t.row(
            [
                p.label.clone(),
                format_time(p.seconds),
                format_time(p.stdev),
                thousands(p.tasks as u64),
                thousands(p.chunks as u64),
                format_bytes(p.peak_bytes),
            ]
            .iter()
            .map(|s| match Some(i) == best {
                true => Cell::text(s).style("font-weight:bold"),
                false => Cell::text(s),
            })
            .collect(),
        );
    }
    format!(
        "{}<p style=\"font-size:smaller\">* tasks of the largest operation, about the chunk count of the biggest array; memory is the scheduler's estimate of results alive at once.</p>",
        t.render()
    )
}

/// The log-log SVG plot of time against the swept value.
pub fn plot_svg(var: &str, points: &[SweepPoint]) -> String {
    let (w, h) = (460.0, 280.0);
    let (left, right, top, bottom) = (70.0, 20.0, 20.0, 50.0);
    let (pw, ph) = (w - left - right, h - top - bottom);
    let numeric = points.iter().all(|p| p.x.is_some_and(|x| x > 0.0)) && points.len() > 1;
    let xs: Vec<f64> = if numeric {
        points.iter().map(|p| p.x.unwrap_or(1.0).log10()).collect()
    } else {
        (0..points.len()).map(|i| i as f64).collect()
    };
    let ys: Vec<f64> = points.iter().map(|p| p.seconds.max(1e-9).log10()).collect();
    let span = |v: &[f64]| {
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if hi - lo < 1e-9 {
            (lo - 0.5, hi + 0.5)
        } else {
            let pad = (hi - lo) * 0.08;
            (lo - pad, hi + pad)
        }
    };
    let ((x0, x1), (y0, y1)) = (span(&xs), span(&ys));
    let px = |x: f64| left + (x - x0) / (x1 - x0) * pw;
    let py = |y: f64| top + ph - (y - y0) / (y1 - y0) * ph;
    let mut out = String::new();
    svg::open(&mut out, w, h);
    out.push_str("<g stroke=\"#555\" fill=\"#333\" font-family=\"sans-serif\">");
    svg::line_colored(&mut out, (left, top + ph), (left + pw, top + ph), "#555");
    svg::line_colored(&mut out, (left, top), (left, top + ph), "#555");
    // Decade ticks on the time axis (or the two ends when the range is narrow).
    let mut ticks: Vec<f64> = (y0.ceil() as i64..=y1.floor() as i64)
        .map(|d| d as f64)
        .collect();
    if ticks.len() < 2 {
        ticks = vec![
            ys.iter().copied().fold(f64::INFINITY, f64::min),
            ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        ];
    }
    for t in ticks {
        let y = py(t);
        svg::line_colored(&mut out, (left - 4.0, y), (left, y), "#555");
        svg::text(
            &mut out,
            (left - 6.0, y),
            &format_time(10f64.powf(t)),
            10.0,
            Anchor::End,
            0.0,
        );
    }
    for (i, p) in points.iter().enumerate() {
        let x = px(xs[i]);
        svg::line_colored(&mut out, (x, top + ph), (x, top + ph + 4.0), "#555");
        svg::text(
            &mut out,
            (x, top + ph + 14.0),
            &p.label,
            10.0,
            Anchor::Middle,
            0.0,
        );
    }
    svg::text(
        &mut out,
        (left + pw / 2.0, h - 12.0),
        &format!("{var}{}", if numeric { " (log scale)" } else { "" }),
        11.0,
        Anchor::Middle,
        0.0,
    );
    svg::text(
        &mut out,
        (14.0, top + ph / 2.0),
        "time per run (log)",
        11.0,
        Anchor::Middle,
        -90.0,
    );
    let path: Vec<String> = xs
        .iter()
        .zip(&ys)
        .map(|(&x, &y)| format!("{},{}", svg::num(px(x)), svg::num(py(y))))
        .collect();
    let _ = write!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" />",
        path.join(" ")
    );
    let best = fastest(points);
    for (i, p) in points.iter().enumerate() {
        let (cx, cy) = (px(xs[i]), py(ys[i]));
        let is_best = Some(i) == best;
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"none\"><title>{} = {}: {}</title></circle>",
            svg::num(cx),
            svg::num(cy),
            if is_best { 6 } else { 4 },
            if is_best { "#d62728" } else { "#1f77b4" },
            escape(var),
            escape(&p.label),
            format_time(p.seconds)
        );
        if is_best {
            svg::text(
                &mut out,
                (cx, cy - 14.0),
                "fastest",
                10.0,
                Anchor::Middle,
                0.0,
            );
        }
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    fn pt(label: &str, x: Option<f64>, seconds: f64) -> SweepPoint {
        SweepPoint {
            label: label.into(),
            x,
            seconds,
            stdev: seconds / 10.0,
            tasks: 100,
            chunks: 64,
            peak_bytes: 1 << 20,
        }
    }

    #[test]
    fn plot_marks_the_fastest_and_parses() {
        let pts = vec![
            pt("25", Some(25.0), 2.0),
            pt("100", Some(100.0), 0.1),
            pt("500", Some(500.0), 0.3),
        ];
        assert_eq!(fastest(&pts), Some(1));
        let svg = plot_svg("c", &pts);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("fill=\"#d62728\"").count(), 1);
        assert!(svg.contains("c (log scale)"));
    }

    #[test]
    fn non_numeric_values_are_categorical() {
        let pts = vec![pt("'auto'", None, 0.2), pt("(10, 10)", None, 0.5)];
        let svg = plot_svg("chunks", &pts);
        assert_well_formed(&svg);
        assert!(!svg.contains("log scale)"));
        assert!(svg.contains("&#39;auto&#39;") || svg.contains("'auto'"));
    }

    #[test]
    fn table_has_a_row_per_value_with_the_best_in_bold() {
        let pts = vec![pt("1", Some(1.0), 1.0), pt("2", Some(2.0), 0.5)];
        let html = table_html("n", &pts);
        assert_eq!(html.matches("<tr").count(), 3);
        assert_eq!(html.matches("font-weight:bold").count(), 6);
    }
}
