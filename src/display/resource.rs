//! `ResourceProfiler().visualize()`: memory (MB) and CPU (%) of the kernel process
//! over the profiled block, two lines on one time axis with their own scales.

use super::svg::{self, Anchor};
use super::task_stream::tick_step;
use super::MimeBundle;
use std::fmt::Write as _;

/// One sample of the process's resources.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResourceSample {
    /// Seconds since the profiler started.
    pub time: f64,
    /// Resident memory in MB.
    pub mem_mb: f64,
    /// CPU use since the previous sample in percent of one core (200 = two busy cores).
    pub cpu_pct: f64,
}

const W: f64 = 640.0;
const H: f64 = 220.0;
const L: f64 = 56.0;
const R: f64 = 56.0;
const T: f64 = 16.0;
const B: f64 = 36.0;

fn polyline(out: &mut String, pts: &[(f64, f64)], colour: &str) {
    let p: Vec<String> = pts
        .iter()
        .map(|(x, y)| format!("{},{}", svg::num(*x), svg::num(*y)))
        .collect();
    let _ = write!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" />",
        p.join(" ")
    );
}

/// The chart as an SVG document.
pub fn resource_svg(samples: &[ResourceSample]) -> String {
    let mut out = String::new();
    svg::open(&mut out, W, H);
    let span = samples.iter().map(|s| s.time).fold(0.0, f64::max).max(1e-3);
    let mem_max = samples.iter().map(|s| s.mem_mb).fold(1.0, f64::max) * 1.1;
    let cpu_max = samples.iter().map(|s| s.cpu_pct).fold(100.0, f64::max) * 1.1;
    let (pw, ph) = (W - L - R, H - T - B);
    let x = |t: f64| L + pw * t / span;
    out.push_str("<g stroke=\"#999\">");
    svg::line_colored(&mut out, (L, T + ph), (L + pw, T + ph), "#999");
    svg::line_colored(&mut out, (L, T), (L, T + ph), "#1f77b4");
    svg::line_colored(&mut out, (L + pw, T), (L + pw, T + ph), "#ff7f0e");
    out.push_str("</g><g fill=\"#333\">");
    let step = tick_step(span, 6);
    let mut t = 0.0;
    while t <= span + 1e-9 {
        svg::text(
            &mut out,
            (x(t), T + ph + 12.0),
            &svg::num(t),
            10.0,
            Anchor::Middle,
            0.0,
        );
        t += step;
    }
    svg::text(
        &mut out,
        (L + pw / 2.0, H - 8.0),
        "time (s)",
        11.0,
        Anchor::Middle,
        0.0,
    );
    for i in 0..=4 {
        let f = i as f64 / 4.0;
        let y = T + ph * (1.0 - f);
        svg::text(
            &mut out,
            (L - 6.0, y),
            &format!("{:.0}", mem_max * f),
            10.0,
            Anchor::End,
            0.0,
        );
        svg::text(
            &mut out,
            (L + pw + 6.0, y),
            &format!("{:.0}", cpu_max * f),
            10.0,
            Anchor::Start,
            0.0,
        );
    }
    svg::text(
        &mut out,
        (14.0, T + ph / 2.0),
        "Memory (MB)",
        11.0,
        Anchor::Middle,
        -90.0,
    );
    svg::text(
        &mut out,
        (W - 12.0, T + ph / 2.0),
        "CPU (%)",
        11.0,
        Anchor::Middle,
        90.0,
    );
    out.push_str("</g>");
    let mem: Vec<(f64, f64)> = samples
        .iter()
        .map(|s| (x(s.time), T + ph * (1.0 - s.mem_mb / mem_max)))
        .collect();
    let cpu: Vec<(f64, f64)> = samples
        .iter()
        .map(|s| (x(s.time), T + ph * (1.0 - s.cpu_pct / cpu_max)))
        .collect();
    polyline(&mut out, &mem, "#1f77b4");
    polyline(&mut out, &cpu, "#ff7f0e");
    out.push_str("</svg>");
    out
}

/// Text summary plus the chart.
pub fn resource_bundle(samples: &[ResourceSample]) -> MimeBundle {
    let peak = samples.iter().map(|s| s.mem_mb).fold(0.0, f64::max);
    let cpu = samples.iter().map(|s| s.cpu_pct).fold(0.0, f64::max);
    let svg = resource_svg(samples);
    MimeBundle::plain(format!(
        "ResourceProfiler: {} samples, peak memory {peak:.1} MB, peak CPU {cpu:.0}%",
        samples.len()
    ))
    .with("text/html", format!("<div>{svg}</div>"))
    .with("image/svg+xml", svg)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::display::xmlcheck::assert_well_formed;

    #[test]
    fn chart_parses_and_scales_both_lines() {
        let s: Vec<ResourceSample> = (0..20)
            .map(|i| ResourceSample {
                time: i as f64 * 0.1,
                mem_mb: 100.0 + i as f64,
                cpu_pct: if i % 2 == 0 { 195.0 } else { 5.0 },
            })
            .collect();
        let svg = resource_svg(&s);
        assert_well_formed(&svg);
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(resource_bundle(&s).text().contains("peak memory 119.0 MB"));
        assert_well_formed(&resource_svg(&[]));
    }
}
