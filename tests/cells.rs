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
