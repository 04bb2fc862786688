//! `%prun stmt` / `%%prun`: run the statement, then report every lazy
//! computation it started, per operation (ncalls, tottime, percall, cumtime),
//! in the pager like IPython, plus the task-stream picture of the runs.

use super::args;
use super::{MagicCtx, MagicError, MagicValue};
use crate::display::profile::{profile_bundle, ProfileView};
use crate::display::MimeBundle;
use crate::sched::Recording;
use std::time::Instant;

/// Run `code` under a recording; page the per-operation report.
pub fn prun(m: &mut MagicCtx, line: &str, cell: Option<&str>) -> MagicValue {
    let opts = args::parse(line, "s:l:qrT:D:").map_err(MagicError::into_py)?;
    let code = match cell {
        Some(body) => body.to_string(),
        None => opts.rest.clone(),
    };
    let sort = opts
        .values
        .get(&'s')
        .cloned()
        .unwrap_or_else(|| "tottime".into());
    let limit: Option<usize> = opts.num('l').map_err(MagicError::into_py)?;
    let rec = Recording::start();
    let t0 = Instant::now();
    let value = m.exec(&code);
    let wall = t0.elapsed().as_secs_f64();
    let profiles = rec.finish();
    let view = ProfileView::from_profiles(&profiles);
    let text = report(&view, profiles.len(), wall, &sort, limit).map_err(MagicError::into_py)?;
    if !opts.has('q') {
        m.pages.push(MimeBundle::plain(text.clone()));
    }
    if let Some(file) = opts.values.get(&'T') {
        std::fs::write(file, &text)
            .map_err(|e| MagicError::File(format!("{file}: {e}")).into_py())?;
        m.print(&format!(
            "\n*** Profile printout saved to text file '{file}'.\n"
        ));
    }
    if !view.tasks.is_empty() {
        m.ctx.out.display(profile_bundle(&view), None, false);
    }
    value
}

/// cProfile's layout with one row per operation kind.
fn report(
    view: &ProfileView,
    runs: usize,
    wall: f64,
    sort: &str,
    limit: Option<usize>,
) -> Result<String, MagicError> {
    let mut stats = view.op_stats();
    let order = match sort {
        "tottime" | "time" => "internal time",
        "cumtime" | "cumulative" => "cumulative time",
        "ncalls" | "calls" => "call count",
        "name" | "operation" => "operation name",
        other => {
            return Err(MagicError::Usage(format!(
                "unknown sort key {other:?}: use tottime, cumtime, ncalls or name"
            )))
        }
    };
    match order {
        "cumulative time" => stats.sort_by(|a, b| b.cumtime.total_cmp(&a.cumtime)),
        "call count" => stats.sort_by_key(|s| std::cmp::Reverse(s.ncalls)),
        "operation name" => stats.sort_by(|a, b| a.op.cmp(&b.op)),
        _ => {}
    }
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut out = format!(
        "         {} in {} in {wall:.3} seconds\n\n",
        plural(view.tasks.len(), "task"),
        plural(runs, "computation")
    );
    if stats.is_empty() {
        out.push_str(
            "   The statement ran no lazy computations (eager code is not profiled per operation).\n",
        );
        return Ok(out);
    }
    out.push_str(&format!("   Ordered by: {order}\n"));
    if let Some(n) = limit {
        out.push_str(&format!(
            "   List reduced from {} to {} due to restriction <{n}>\n",
            stats.len(),
            n.min(stats.len())
        ));
        stats.truncate(n);
    }
    out.push_str("\n   ncalls  tottime  percall  cumtime  percall operation\n");
    out.push_str(&crate::display::profile::profile_rows(&stats));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sched::{Profile, TaskTiming};
    use std::sync::Arc;
    use std::time::Duration;

    fn profile() -> Profile {
        let ms = Duration::from_millis;
        let t = |task, op, start, end| TaskTiming {
            task,
            op,
            worker: task % 2,
            start: ms(start),
            end: ms(end),
        };
        Profile {
            ops: vec![Arc::from("random_sample"), Arc::from("sum")],
            timings: vec![t(0, 0, 0, 30), t(1, 0, 0, 40), t(2, 1, 40, 45)],
            total: 3,
            ..Profile::default()
        }
    }

    #[test]
    fn runs_are_laid_end_to_end() {
        let v = ProfileView::from_profiles(&[profile(), profile()]);
        assert_eq!(v.tasks.len(), 6);
        assert!((v.tasks[3].start - 0.045).abs() < 1e-9);
        assert_eq!(v.tasks[2].op, "sum");
    }

    #[test]
    fn report_sorts_limits_and_explains_empty_runs() {
        let v = ProfileView::from_profiles(&[profile()]);
        let r = report(&v, 1, 0.05, "tottime", None).unwrap();
        assert!(
            r.contains("3 tasks in 1 computation in 0.050 seconds"),
            "{r}"
        );
        let rows: Vec<&str> = r
            .lines()
            .filter(|l| l.ends_with("random_sample") || l.ends_with(" sum"))
            .collect();
        assert!(rows[0].ends_with("random_sample") && rows[0].trim_start().starts_with('2'));
        let r = report(&v, 1, 0.05, "name", Some(1)).unwrap();
        assert!(r.contains("List reduced from 2 to 1") && r.contains("random_sample"));
        assert!(report(&v, 1, 0.0, "bogus", None).is_err());
        let empty = report(&ProfileView::default(), 0, 0.001, "tottime", None).unwrap();
        assert!(empty.contains("ran no lazy computations"), "{empty}");
    }
}
