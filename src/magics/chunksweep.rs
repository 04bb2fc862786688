//! `%%chunksweep NAME in [v1, v2, ...]`: time the cell body once per value of
//! NAME (like `%timeit`), count the tasks and estimated peak memory of the
//! computations it ran, and show a table and a log-log plot with the fastest
//! value marked and a sentence on why it wins.

use super::args;
use super::timefmt::format_time;
use super::timing::{measure, TimeitStats};
use super::{MagicCtx, MagicError, MagicValue};
use crate::display::sweep::{fastest, plot_svg, table_html, SweepPoint};
use crate::display::units::thousands;
use crate::display::MimeBundle;
use crate::lang::Value;
use crate::sched::Recording;

const USAGE: &str = "%%chunksweep [-r R] [-n N] NAME in [value, ...]\n<body using NAME>";

/// Runs per value when `-r` is absent (fewer than `%timeit`'s 7: sweeps are long).
const DEFAULT_REPEAT: usize = 3;

/// Run the sweep; returns nothing (the table and plot are displayed).
pub fn chunksweep(m: &mut MagicCtx, line: &str, body: &str) -> MagicValue {
    let usage = |why: &str| MagicError::Usage(format!("{why}\nUsage: {USAGE}")).into_py();
    let opts = args::parse(line, "r:n:p:").map_err(MagicError::into_py)?;
    let repeat: usize = opts
        .num('r')
        .map_err(MagicError::into_py)?
        .unwrap_or(DEFAULT_REPEAT)
        .max(1);
    let number: Option<u64> = opts.num('n').map_err(MagicError::into_py)?;
    let precision: usize = opts
        .num('p')
        .map_err(MagicError::into_py)?
        .unwrap_or(3)
        .max(1);
    let (var, values_src) = opts
        .rest
        .split_once(" in ")
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .ok_or_else(|| usage("expected `NAME in [values]`"))?;
    if var.is_empty() || !var.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Err(usage(&format!("{var:?} is not a variable name")));
    }
    if body.trim().is_empty() {
        return Err(usage("the cell body is empty: nothing to time"));
    }
    let values = items(&m.interp.eval_expression(&values_src, m.ctx)?)
        .ok_or_else(|| usage("the values must be a list, tuple or range"))?;
    if values.is_empty() {
        return Err(usage("no values to sweep"));
    }
    let code = m.interp.compile(body, m.cell_name)?;
    let mut points = Vec::new();
    for v in values {
        m.interp.set_global(&var, v.clone());
        let rec = Recording::start();
        let (loops, timings, execs) = measure(m, &code, number, repeat)?;
        let profiles = rec.finish();
        let stats = TimeitStats {
            loops,
            repeat,
            timings,
            precision,
            compile_time: 0.0,
        };
        let point = SweepPoint {
            label: crate::lang::repr::repr_simple(&v),
            x: number_of(&v),
            seconds: stats.average(),
            stdev: stats.stdev(),
            tasks: profiles.iter().map(|p| p.timings.len()).sum::<usize>() / execs.max(1) as usize,
            chunks: profiles
                .iter()
                .flat_map(|p| p.per_op())
                .map(|o| o.count)
                .max()
                .unwrap_or(0),
            peak_bytes: profiles
                .iter()
                .map(|p| p.peak_live_bytes)
                .max()
                .unwrap_or(0),
        };
        m.print(&format!(
            "{var} = {}: {} · {} tasks\n",
            point.label,
            stats.summary(),
            thousands(point.tasks as u64)
        ));
        points.push(point);
    }
    let verdict = verdict(
        &var,
        &points,
        crate::sched::Scheduler::Threads { num_workers: 0 }.workers(),
    );
    let html = format!(
        "<div style=\"display:flex;gap:24px;align-items:flex-start;flex-wrap:wrap\"><div>{}</div><div>{}</div></div><p>{}</p>",
        table_html(&var, &points),
        plot_svg(&var, &points),
        crate::display::html::escape(&verdict)
    );
    let text = points
        .iter()
        .map(|p| format!("{var} = {}: {}", p.label, format_time(p.seconds, precision)))
        .collect::<Vec<_>>()
        .join("\n");
    let bundle = MimeBundle::plain(format!("{text}\n{verdict}"))
        .with("text/html", html)
        .with("image/svg+xml", plot_svg(&var, &points));
    m.ctx.out.display(bundle, None, false);
    Ok(None)
}

/// The items of a list, tuple or range value.
fn items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.read().clone()),
        Value::Tuple(t) => Some(t.to_vec()),
        Value::Range(r) => {
            let [start, stop, step] = **r;
            let mut out = Vec::new();
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                out.push(Value::Int(i));
                i += step;
            }
            Some(out)
        }
        _ => None,
    }
}

/// Where a value sits on a log axis: numbers as themselves, tuples of numbers
/// (chunk shapes) by their product (elements per chunk).
fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Tuple(t) => t.iter().map(number_of).product(),
        _ => None,
    }
}

/// The closing sentence: which value was fastest and why the others lost.
pub fn verdict(var: &str, points: &[SweepPoint], workers: usize) -> String {
    let Some(b) = fastest(points) else {
        return String::new();
    };
    let best = &points[b];
    let mut s = format!(
        "Fastest: {var} = {} ({}).",
        best.label,
        format_time(best.seconds, 3)
    );
    let more = points
        .iter()
        .filter(|p| p.tasks > best.tasks)
        .max_by_key(|p| p.tasks);
    let fewer = points
        .iter()
        .filter(|p| p.tasks < best.tasks)
        .min_by_key(|p| p.tasks);
    if let Some(p) = more {
        let per_task = (p.seconds - best.seconds).max(0.0) / (p.tasks - best.tasks) as f64;
        s.push_str(&format!(
            " {var} = {} ran {} tasks vs {}: per-task overhead adds up (≈ {} per extra task).",
            p.label,
            thousands(p.tasks as u64),
            thousands(best.tasks as u64),
            format_time(per_task, 3)
        ));
    }
    if let Some(p) = fewer {
        let why = if p.chunks < workers {
            format!(
                "only {} for {workers} worker threads, so cores sit idle",
                plural(p.chunks, "chunk")
            )
        } else {
            "fewer, bigger chunks: less parallel slack and more memory per task".to_string()
        };
        s.push_str(&format!(
            " {var} = {} ran {}: {why}.",
            p.label,
            plural(p.tasks, "task")
        ));
    }
    if more.is_none() && fewer.is_none() && points.len() > 1 {
        s.push_str(" The values ran the same number of tasks: the difference is per-chunk work.");
    }
    s
}

/// `1 task`, `2 tasks`, `10,667 tasks`.
fn plural(n: usize, word: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {word}{s}", thousands(n as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(label: &str, seconds: f64, tasks: usize, chunks: usize) -> SweepPoint {
        SweepPoint {
            label: label.into(),
            x: label.parse().ok(),
            seconds,
            stdev: 0.0,
            tasks,
            chunks,
            peak_bytes: 0,
        }
    }

    #[test]
    fn verdict_names_the_fastest_and_both_failure_modes() {
        let pts = vec![
            pt("25", 2.0, 8000, 8000),
            pt("100", 0.2, 125, 125),
            pt("500", 0.5, 2, 1),
        ];
        let v = verdict("c", &pts, 2);
        assert!(v.starts_with("Fastest: c = 100 (200 ms)."), "{v}");
        assert!(
            v.contains("c = 25 ran 8,000 tasks vs 125: per-task overhead"),
            "{v}"
        );
        assert!(
            v.contains("ran 2 tasks: only 1 chunk for 2 worker threads"),
            "{v}"
        );
    }

    #[test]
    fn tuple_values_sit_at_their_chunk_volume() {
        let t = Value::tuple(vec![Value::Int(10), Value::Int(20)]);
        assert_eq!(number_of(&t), Some(200.0));
        assert_eq!(number_of(&Value::str("auto")), None);
        let r = Value::Range(std::sync::Arc::new([1, 7, 3]));
        assert_eq!(items(&r).unwrap().len(), 2);
    }
}
