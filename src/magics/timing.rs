//! `%time`/`%%time` and `%timeit`/`%%timeit` with IPython's options, loop
//! calibration and output format. CPU time covers every thread of the process,
//! so parallel work shows total > wall.

use super::args;
use super::timefmt::format_time;
use super::timeit_result::TimeitResult;
use super::{MagicCtx, MagicError, MagicValue};
use crate::lang::{PyException, Value};
use std::time::Instant;

/// Calibration stops at the first batch taking at least this long (IPython's rule).
const CALIBRATION_TARGET_S: f64 = 0.2;

/// (user, system) CPU seconds used so far by the whole process.
fn cpu_times() -> (f64, f64) {
    // SAFETY: getrusage only writes into the zeroed struct we pass.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_SELF with a valid pointer is always defined.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    if rc != 0 {
        return (0.0, 0.0);
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
    (secs(ru.ru_utime), secs(ru.ru_stime))
}

/// `%time stmt` / `%%time` body: run once, print CPU and wall time, return the value.
pub fn time(m: &mut MagicCtx, code: &str) -> MagicValue {
    let (u0, s0) = cpu_times();
    let t0 = Instant::now();
    let value = m.exec(code)?;
    let wall = t0.elapsed().as_secs_f64();
    let (u1, s1) = cpu_times();
    let (user, sys) = ((u1 - u0).max(0.0), (s1 - s0).max(0.0));
    m.print(&format!(
        "CPU times: user {}, sys: {}, total: {}\nWall time: {}\n",
        format_time(user, 3),
        format_time(sys, 3),
        format_time(user + sys, 3),
        format_time(wall, 3)
    ));
    Ok(value)
}

/// The figures of one `%timeit` run (IPython's TimeitResult).
#[derive(Clone, Debug, PartialEq)]
pub struct TimeitStats {
    /// Loops per run.
    pub loops: u64,
    /// Runs.
    pub repeat: usize,
    /// Per-loop time of each run, seconds.
    pub timings: Vec<f64>,
    /// Significant digits.
    pub precision: usize,
    /// Seconds spent compiling the statement (once).
    pub compile_time: f64,
}

impl TimeitStats {
    /// Fastest per-loop time.
    pub fn best(&self) -> f64 {
        self.timings.iter().copied().fold(f64::INFINITY, f64::min)
    }
    /// Slowest per-loop time.
    pub fn worst(&self) -> f64 {
        self.timings.iter().copied().fold(0.0, f64::max)
    }
    /// Mean per-loop time.
    pub fn average(&self) -> f64 {
        self.timings.iter().sum::<f64>() / self.timings.len() as f64
    }
    /// Population standard deviation of the per-loop times.
    pub fn stdev(&self) -> f64 {
        let mean = self.average();
        (self.timings.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / self.timings.len() as f64)
            .sqrt()
    }

    /// `8.1 ms ± 120 μs per loop (mean ± std. dev. of 7 runs, 100 loops each)`.
    pub fn summary(&self) -> String {
        let plural = |n: u64| if n == 1 { "" } else { "s" };
        format!(
            "{} \u{b1} {} per loop (mean \u{b1} std. dev. of {} run{}, {} loop{} each)",
            format_time(self.average(), self.precision),
            format_time(self.stdev(), self.precision),
            self.repeat,
            plural(self.repeat as u64),
            thousands(self.loops),
            plural(self.loops)
        )
    }

    /// IPython's caching warning, when the slowest run is > 4× the fastest.
    pub fn warning(&self) -> Option<String> {
        let (best, worst) = (self.best(), self.worst());
        (worst > 4.0 * best && best > 0.0 && worst > 1e-6).then(|| {
            format!(
                "The slowest run took {:.2} times longer than the fastest. This could mean that an intermediate result is being cached.",
                worst / best
            )
        })
    }
}

/// `1000000` → `1,000,000`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// IPython's loop calibration: 1, 10, 100, ... loops until one batch takes at
/// least 0.2 s (at most 10^9). `batch(n)` runs n loops and returns seconds.
pub fn calibrate<E>(mut batch: impl FnMut(u64) -> Result<f64, E>) -> Result<u64, E> {
    let mut n = 1;
    for k in 0..10 {
        n = 10u64.pow(k);
        if batch(n)? >= CALIBRATION_TARGET_S {
            break;
        }
    }
    Ok(n)
}

/// Run compiled `code` in `repeat` runs of `number` loops (calibrated when
/// `None`); the loops per run, each run's per-loop seconds, and how many times
/// the code ran in all (calibration included).
pub fn measure(
    m: &mut MagicCtx,
    code: &crate::lang::ir::Code,
    number: Option<u64>,
    repeat: usize,
) -> Result<(u64, Vec<f64>, u64), PyException> {
    let mut execs = 0u64;
    let mut batch = |m: &mut MagicCtx, n: u64| -> Result<f64, PyException> {
        let t0 = Instant::now();
        for _ in 0..n {
            if m.ctx.cancel.is_cancelled() {
                return Err(MagicError::Interrupted.into_py());
            }
            m.interp.run_compiled(code, m.ctx)?;
            execs += 1;
        }
        Ok(t0.elapsed().as_secs_f64())
    };
    let loops = match number {
        Some(n) => n.max(1),
        None => calibrate(|n| batch(m, n))?,
    };
    let mut timings = Vec::with_capacity(repeat);
    for _ in 0..repeat.max(1) {
        timings.push(batch(m, loops)? / loops as f64);
    }
    Ok((loops, timings, execs))
}

/// `%timeit [-n N -r R -p P -q -o | -v V] stmt` or `%%timeit [options] [setup]` + body.
pub fn timeit(m: &mut MagicCtx, line: &str, cell: Option<&str>) -> MagicValue {
    let opts = args::parse(line, "n:r:tcp:qov:").map_err(MagicError::into_py)?;
    let (setup, stmt) = match cell {
        Some(body) => (opts.rest.clone(), body.to_string()),
        None => (String::new(), opts.rest.clone()),
    };
    let stmt = if stmt.trim().is_empty() {
        "pass".to_string()
    } else {
        stmt
    };
    let repeat: usize = opts
        .num('r')
        .map_err(MagicError::into_py)?
        .unwrap_or(7)
        .max(1);
    let precision: usize = opts
        .num('p')
        .map_err(MagicError::into_py)?
        .unwrap_or(3)
        .max(1);
    let number: Option<u64> = opts.num('n').map_err(MagicError::into_py)?;
    if !setup.trim().is_empty() {
        m.exec(&setup)?;
    }
    // Compiled once, like IPython's timeit: the loops time the work, not the parser.
    let t_compile = Instant::now();
    let code = m.interp.compile(&stmt, m.cell_name)?;
    let compile_time = t_compile.elapsed().as_secs_f64();
    let (loops, timings, _) = measure(m, &code, number, repeat)?;
    let stats = TimeitStats {
        loops,
        repeat,
        timings,
        precision,
        compile_time,
    };
    if !opts.has('q') {
        let mut text = String::new();
        if let Some(w) = stats.warning() {
            text.push_str(&w);
            text.push('\n');
        }
        text.push_str(&stats.summary());
        text.push('\n');

        m.print(&text);
    }
    if let Some(var) = opts.values.get(&'v') {
        // `-v V`: like `-o`, but the result goes straight into variable V.
        m.interp.set_global(var, Value::object(TimeitResult(stats)));
        return Ok(None);
    }
    Ok(opts.has('o').then(|| Value::object(TimeitResult(stats))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_matches_ipython_format() {
        let s = TimeitStats {
            loops: 1,
            repeat: 1,
            timings: vec![0.199],
            precision: 3,
            compile_time: 0.0,
        };
        assert_eq!(
            s.summary(),
            "199 ms \u{b1} 0 ns per loop (mean \u{b1} std. dev. of 1 run, 1 loop each)"
        );
        let s = TimeitStats {
            loops: 1_000_000,
            repeat: 7,
            timings: vec![800e-9, 1000e-9, 900e-9, 900e-9, 900e-9, 900e-9, 900e-9],
            precision: 3,
            compile_time: 0.0,
        };
        assert!(s
            .summary()
            .ends_with("per loop (mean \u{b1} std. dev. of 7 runs, 1,000,000 loops each)"));
        assert!(
            s.summary().starts_with("900 ns \u{b1} 53.5 ns"),
            "{}",
            s.summary()
        );
        assert!(s.warning().is_none());
    }

    #[test]
    fn caching_warning_when_slowest_is_far_slower() {
        let s = TimeitStats {
            loops: 10,
            repeat: 3,
            timings: vec![1e-3, 5.23e-3, 1e-3],
            precision: 3,
            compile_time: 0.0,
        };
        assert_eq!(
            s.warning().unwrap(),
            "The slowest run took 5.23 times longer than the fastest. This could mean that an intermediate result is being cached."
        );
    }

    #[test]
    fn calibration_with_an_injected_clock() {
        // 100 µs per loop: 1,000 loops take 0.1 s, 10,000 take 1 s → 10,000.
        let mut asked = Vec::new();
        let n = calibrate::<()>(|n| {
            asked.push(n);
            Ok(n as f64 * 1e-4)
        })
        .unwrap();
        assert_eq!(n, 10_000);
        assert_eq!(asked, [1, 10, 100, 1000, 10_000]);
        // A slow statement is timed with one loop; a free one stops at 10^9.
        assert_eq!(calibrate::<()>(|_| Ok(0.5)).unwrap(), 1);
        assert_eq!(calibrate::<()>(|_| Ok(0.0)).unwrap(), 1_000_000_000);
        // An error inside a batch stops calibration.
        assert_eq!(calibrate(|_| Err::<f64, _>("boom")), Err("boom"));
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(1), "1");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn cpu_times_advance_with_work() {
        let (u0, _) = cpu_times();
        let mut x = 0u64;
        let t = Instant::now();
        while t.elapsed().as_millis() < 50 {
            x = x.wrapping_add(std::hint::black_box(1));
        }
        let (u1, _) = cpu_times();
        assert!(x > 0 && u1 > u0);
    }
}
