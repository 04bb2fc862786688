//! Fixture corpus for the dialect: every `tests/cells/<area>__<case>.py` is run through
//! `Interpreter` and its transcript compared with the fixture's expected block.
//!
//! # Fixture format
//!
//! ```text
//! x = 1                 <- cell 1 (Python source)
//! x + 1
//! # %%                  <- a line exactly `# %%` separates cells
//! print(x)              <- cell 2
//! # Expected:           <- everything below is the expected transcript,
//! # Out: 2                 each line prefixed with `# ` (a bare `#` is an empty line)
//! # 1
//! ```
//!
//! The transcript is, in order: stdout text as printed; `Out: <repr>` for a cell whose
//! last statement is an expression with a non-None value; `[display] <text/plain>`,
//! `[update] <text/plain>` and `[clear wait=<bool>]` lines for display events; and, if a
//! cell raises, `!! <Name>: <message>` (or `!! <Name>` when the message is empty), after
//! which later cells are not run. Expected blocks come from CPython 3.11
//! (`python3 tests/cpython_check.py --bless`); fixtures containing `# tessera-only`
//! (Tessera-specific messages) are written by hand and skipped by the CPython check.

#![allow(clippy::print_stderr)] // benchmark and fuzz report to stderr

use std::path::Path;
use std::sync::Arc;
use tessera::lang::{CapturedOutput, ExecContext, Interpreter, OutputEvent, StreamName};
use tessera::sched::CancelToken;

const MARK: &str = "\n# Expected:";

fn split(text: &str) -> (Vec<String>, String) {
    let (code, exp) = match text.split_once(MARK) {
        Some((c, e)) => (c, Some(e)),
        None => (text, None),
    };
    let cells = code.split("\n# %%\n").map(str::to_string).collect();
    let mut expected = String::new();
    if let Some(e) = exp {
        for l in e.split('\n').skip(1) {
            if let Some(rest) = l.strip_prefix("# ") {
                expected.push_str(rest);
                expected.push('\n');
            } else if l == "#" {
                expected.push('\n');
            }
        }
    }
    (cells, expected)
}

fn transcript(cells: &[String]) -> String {
    let out = Arc::new(CapturedOutput::new());
    let ctx = ExecContext {
        out: out.clone(),
        cancel: CancelToken::new(),
    };
    let mut it = Interpreter::new();
    let mut t = String::new();
    let flush = |t: &mut String| {
        for ev in out.take() {
            match ev {
                OutputEvent::Stream(StreamName::Stdout, s) => t.push_str(&s),
                OutputEvent::Stream(StreamName::Stderr, _) => {}
                OutputEvent::Display { bundle, update, .. } => {
                    if !t.is_empty() && !t.ends_with('\n') {
                        t.push('\n');
                    }
                    let kind = if update { "update" } else { "display" };
                    t.push_str(&format!("[{kind}] {}\n", bundle.text()));
                }
                OutputEvent::Clear { wait } => {
                    if !t.is_empty() && !t.ends_with('\n') {
                        t.push('\n');
                    }
                    t.push_str(&format!(
                        "[clear wait={}]\n",
                        if wait { "True" } else { "False" }
                    ));
                }
            }
        }
    };
    for (n, cell) in cells.iter().enumerate() {
        let r = it.exec_cell(cell, &format!("Cell In[{}]", n + 1), &ctx);
        flush(&mut t);
        match r {
            Ok(Some(v)) => t.push_str(&format!("Out: {}\n", it.bundle(&v).text())),
            Ok(None) => {}
            Err(e) => {
                if !t.is_empty() && !t.ends_with('\n') {
                    t.push('\n');
                }
                if e.evalue.is_empty() {
                    t.push_str(&format!("!! {}\n", e.ename));
                } else {
                    t.push_str(&format!("!! {}: {}\n", e.ename, e.evalue));
                }
                break;
            }
        }
    }
    t
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cells");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cells")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().map(|x| x == "py").unwrap_or(false))
        .collect();
    files.sort();
    let only = std::env::var("CELLS").unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for f in &files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if !only.is_empty() && !name.contains(&only) {
            continue;
        }
        let text = std::fs::read_to_string(f).expect("read fixture");
        let (cells, expected) = split(&text);
        let cells2 = cells.clone();
        let got = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || transcript(&cells2))
            .expect("thread")
            .join()
            .unwrap_or_else(|_| "<panic>".to_string());
        ran += 1;
        if got != expected {
            failures.push(format!("== {name}\n-- expected\n{expected}-- got\n{got}"));
        }
    }
    assert!(ran > 0, "no fixtures found");
    assert!(
        failures.is_empty(),
        "{} of {ran} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Mutation smoke-fuzzing of parse + evaluate over the fixture corpus: random byte/line
/// edits must never panic (a panic surfaces as `SystemError: Tessera internal error`) nor
/// crash the process. Each case is interrupted after 100 ms. Run with
/// `FUZZ_SECS=600 cargo test --release --test cells fuzz -- --ignored --nocapture`.
#[test]
#[ignore]
fn fuzz_mutations() {
    let secs: u64 = std::env::var("FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cells");
    let corpus: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/cells")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| split(&t).0.join("\n"))
        .collect();
    let snippets = [
        "(",
        ")",
        ":",
        "**",
        "*",
        "[",
        "]",
        "{",
        "}",
        "lambda",
        "yield",
        "0",
        "-1",
        "'",
        "\"",
        "\n    ",
        "not ",
        " if ",
        " for x in ",
        "[::-1]",
        ".x",
        "()",
        ",",
        "=",
        "+=",
        "del ",
        "global x",
        "nonlocal x",
        "return",
        "break",
        "class C:",
        "def f(*a, **k):",
        "1e308*10",
        "2**63",
        "//0",
        "%0",
        "None",
        "...",
        "@",
        "\\",
        "#",
        "f'{",
        "}'",
        "with ",
        "try:",
        "raise",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rnd = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let start = std::time::Instant::now();
    let (mut execs, mut crashes) = (0u64, Vec::new());
    while start.elapsed().as_secs() < secs {
        let mut src: Vec<char> = corpus[rnd(corpus.len())].chars().collect();
        for _ in 0..1 + rnd(4) {
            let pos = rnd(src.len() + 1);
            match rnd(4) {
                0 if !src.is_empty() => {
                    let end = (pos + 1 + rnd(8)).min(src.len());
                    src.drain(pos.min(src.len())..end);
                }
                1 => {
                    let s = snippets[rnd(snippets.len())];
                    for (i, c) in s.chars().enumerate() {
                        src.insert(pos + i, c);
                    }
                }
                2 if !src.is_empty() => {
                    let other = corpus[rnd(corpus.len())].clone();
                    let line = other.lines().nth(rnd(other.lines().count())).unwrap_or("");
                    for (i, c) in format!("\n{line}\n").chars().enumerate() {
                        src.insert(pos.min(src.len()) + i, c);
                    }
                }
                _ => {
                    if pos < src.len() {
                        src[pos] = snippets[rnd(snippets.len())].chars().next().unwrap_or('x');
                    }
                }
            }
        }
        let text: String = src.into_iter().collect();
        let out = Arc::new(CapturedOutput::new());
        let ctx = ExecContext {
            out,
            cancel: CancelToken::new(),
        };
        let c2 = ctx.cancel.clone();
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let d2 = done.clone();
        let timer = std::thread::spawn(move || {
            for _ in 0..20 {
                std::thread::sleep(std::time::Duration::from_millis(5));
                if d2.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
            }
            c2.cancel();
        });
        let t2 = text.clone();
        let r = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || {
                let mut it = Interpreter::new();
                let r = it.exec_cell(&t2, "Cell In[1]", &ctx);
                let _ = it.complete(&t2, t2.chars().count() / 2);
                let _ = it.is_complete(&t2);
                r
            })
            .expect("thread")
            .join();
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        let _ = timer.join();
        execs += 1;
        match r {
            Err(_) => crashes.push(text),
            Ok(Err(e)) if e.evalue.contains("Tessera internal error") => {
                crashes.push(format!("{text}\n=> {}", e.evalue))
            }
            _ => {}
        }
    }
    eprintln!("fuzz: {execs} executions, {} crashes", crashes.len());
    assert!(
        crashes.is_empty(),
        "crashing inputs:\n{}",
        crashes.join("\n-----\n")
    );
}

const BENCH_FIB: &str =
    "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfib(25)\n";
const BENCH_LOOP: &str = "total = 0\nitems = []\ncounts = {}\nfor i in range(1000000):\n    total += i * 2 % 7\n    items.append(i)\n    counts[i % 100] = counts.get(i % 100, 0) + 1\nlen(items) + total + len(counts)\n";

fn time_tessera(src: &str) -> (f64, String) {
    let ctx = ExecContext {
        out: Arc::new(CapturedOutput::new()),
        cancel: CancelToken::new(),
    };
    let mut it = Interpreter::new();
    let t0 = std::time::Instant::now();
    let v = it.exec_cell(src, "Cell In[1]", &ctx).expect("bench ok");
    let dt = t0.elapsed().as_secs_f64();
    (
        dt,
        v.map(|v| it.bundle(&v).text().to_string())
            .unwrap_or_default(),
    )
}

fn time_cpython(src: &str) -> (f64, String) {
    let (body, last) = src.trim_end().rsplit_once('\n').expect("two parts");
    let script = format!(
        "import time\nt0 = time.perf_counter()\n{body}\n_r = {last}\nprint(time.perf_counter() - t0)\nprint(repr(_r))\n"
    );
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .output()
        .expect("python3");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut lines = text.lines();
    let dt: f64 = lines
        .next()
        .and_then(|l| l.parse().ok())
        .unwrap_or(f64::NAN);
    (dt, lines.next().unwrap_or("").to_string())
}

/// Benchmark (not a timed test): pure-dialect fib(25) and a 10^6-iteration loop against
/// CPython on the same machine. `cargo test --release --test cells bench -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_vs_cpython() {
    for (name, src) in [("fib(25)", BENCH_FIB), ("loop 1e6", BENCH_LOOP)] {
        let (tt, tv) = time_tessera(src);
        let (ct, cv) = time_cpython(src);
        assert_eq!(tv, cv, "{name}: results differ");
        eprintln!(
            "{name}: tessera {:.1} ms, cpython {:.1} ms, ratio {:.2}x (tessera/cpython)",
            tt * 1e3,
            ct * 1e3,
            tt / ct
        );
    }
}
