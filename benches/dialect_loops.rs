//! The W13 pure-dialect loops (bench/workloads.py) run straight through the
//! interpreter, without a kernel, so the interpreter can be profiled
//! (`perf record target/release/deps/dialect_loops-*`) and compared run to run.
//! Run: `cargo bench --bench dialect_loops [name-filter]`. Prints a table.
#![allow(clippy::print_stdout)]

use std::sync::Arc;
use std::time::Instant;

use tessera::lang::{CapturedOutput, ExecContext, Interpreter};
use tessera::sched::CancelToken;

/// (name, setup, statement) — the same cells as bench/workloads.py's W13.
const LOOPS: &[(&str, &str, &str)] = &[
    (
        "fib25",
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n",
        "fib(25)",
    ),
    (
        "loop_arith",
        "def arith(n):\n    s = 0\n    for i in range(n):\n        s += i * i % 7 - (i // 3)\n    return s\n",
        "arith(1000000)",
    ),
    (
        "loop_arith_toplevel",
        "n = 1000000\n",
        "s = 0\nfor i in range(n):\n    s += i * i % 7 - (i // 3)\n",
    ),
    (
        "list_build",
        "def build(n):\n    out = []\n    for i in range(n):\n        out.append(i * 0.5)\n    return sum(out)\n",
        "build(1000000)",
    ),
    (
        "dict_update",
        "def counts(n):\n    d = {}\n    for i in range(n):\n        k = i % 1000\n        d[k] = d.get(k, 0) + i\n    return len(d)\n",
        "counts(1000000)",
    ),
];

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let repeat: usize = std::env::var("DIALECT_REPEAT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let ctx = ExecContext {
        out: Arc::new(CapturedOutput::new()),
        cancel: CancelToken::new(),
    };
    println!("{:<22} {:>12} {:>12}", "loop", "best ms", "median ms");
    for (name, setup, stmt) in LOOPS {
        if filter.as_deref().is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let mut it = Interpreter::new();
        it.exec_cell(setup, "setup", &ctx).expect("setup runs");
        let mut times: Vec<f64> = (0..repeat)
            .map(|_| {
                let t = Instant::now();
                it.exec_cell(stmt, "stmt", &ctx).expect("statement runs");
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{:<22} {:>12.1} {:>12.1}",
            name,
            times[0],
            times[times.len() / 2]
        );
    }
}
