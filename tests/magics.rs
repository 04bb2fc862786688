//! Magics end to end through `Session`: the values they bind, the displays they
//! show, and their errors. (Output formats are compared with IPython's own in
//! tests/e2e/test_magics_vs_ipython.py.)

use std::sync::Arc;
use tessera::session::{CapturedOutput, CellOutcome, OutputEvent, Payload, Session, StreamName};

/// Run cells in one session; stdout text, displays and the last outcome.
struct Run {
    stdout: String,
    displays: Vec<tessera::display::MimeBundle>,
    outcome: CellOutcome,
}

fn run(session: &mut Session, code: &str) -> Run {
    let out = Arc::new(CapturedOutput::new());
    let outcome = session.run_cell(code, "Cell In[1]", out.clone());
    let mut stdout = String::new();
    let mut displays = Vec::new();
    for ev in out.take() {
        match ev {
            OutputEvent::Stream(StreamName::Stdout, s) => stdout.push_str(&s),
            OutputEvent::Display { bundle, .. } => displays.push(bundle),
            _ => {}
        }
    }
    Run {
        stdout,
        displays,
        outcome,
    }
}

fn result_text(r: &Run) -> Option<String> {
    match &r.outcome {
        CellOutcome::Ok { result, .. } => result.as_ref().map(|b| b.text().to_string()),
        CellOutcome::Error(e) => panic!("cell failed: {}: {}", e.ename, e.evalue),
    }
}

fn error_of(r: &Run) -> (String, String) {
    match &r.outcome {
        CellOutcome::Error(e) => (e.ename.clone(), e.evalue.clone()),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn timeit_o_binds_a_result_with_ipythons_attributes() {
    let mut s = Session::new();
    let r = run(&mut s, "r = %timeit -q -o -n 4 -r 3 sum(range(100))\nprint(r.loops, r.repeat, len(r.all_runs), r.best <= r.average <= r.worst)");
    assert_eq!(r.stdout, "4 3 3 True\n");
    let r = run(&mut s, "r");
    assert!(result_text(&r).unwrap().starts_with("<TimeitResult : "));
}

#[test]
fn timeit_statement_errors_surface_once() {
    let mut s = Session::new();
    let r = run(&mut s, "%timeit -n 1 -r 1 undefined_name");
    assert_eq!(error_of(&r).0, "NameError");
    let r = run(&mut s, "%timeit -n 1 -r 1 (");
    assert_eq!(error_of(&r).0, "SyntaxError");
}

#[test]
fn whos_describes_lazy_and_eager_arrays() {
    let mut s = Session::new();
    let code = "import numpy as np\nimport dask.array as da\nx = da.ones((1000, 400), chunks=(250, 400))\ny = np.zeros((3, 4))\nn = 5\n%whos";
    let r = run(&mut s, code);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        lines[0].starts_with("Variable   Type ") && lines[0].ends_with(" Data/Info"),
        "{}",
        r.stdout
    );
    let row = |name: &str| {
        lines
            .iter()
            .find(|l| l.starts_with(&format!("{name} ")))
            .copied()
            .unwrap_or("")
    };
    assert!(row("x").contains("Array") && row("x").contains("1000x400: 400000 elems, type `float64`, 3200000 bytes (3.0517578125 Mb), chunks 250x400, 4 chunks, lazy"), "{}", r.stdout);
    assert!(
        row("y").contains("ndarray")
            && row("y").ends_with("3x4: 12 elems, type `float64`, 96 bytes"),
        "{}",
        r.stdout
    );
    assert!(row("n").ends_with(" 5"));
    let r = run(&mut s, "x = x.persist()\n%whos");
    assert!(r.stdout.contains(", persisted"), "{}", r.stdout);
}

#[test]
fn chunksweep_times_each_value_and_draws_the_curve() {
    let mut s = Session::new();
    let code = "%%chunksweep -r 2 -n 1 c in [10, 50, 200]\nimport dask.array as da\nda.ones((400, 400), chunks=c).sum().compute()";
    let r = run(&mut s, code);
    assert!(
        matches!(r.outcome, CellOutcome::Ok { .. }),
        "{:?}",
        r.outcome
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", r.stdout);
    assert!(lines[0].starts_with("c = 10: ") && lines[2].starts_with("c = 200: "));
    let tasks = |l: &str| -> usize {
        l.rsplit("· ")
            .next()
            .unwrap()
            .trim_end_matches(" tasks")
            .replace(',', "")
            .parse()
            .unwrap()
    };
    // 40×40 = 1,600 chunks at c=10 against 2×2 = 4 at c=200: more chunks, more tasks.
    assert!(
        tasks(lines[0]) > tasks(lines[1]) && tasks(lines[1]) > tasks(lines[2]),
        "{}",
        r.stdout
    );
    let b = &r.displays[0];
    let svg = b.data.get("image/svg+xml").expect("svg");
    assert!(svg.starts_with("<svg") && svg.matches("<circle").count() == 3);
    let html = b.data.get("text/html").unwrap();
    assert_eq!(html.matches("<tr").count(), 4);
    assert!(b.text().contains("Fastest: c = "), "{}", b.text());
    // The variable is left at the last value, like a loop.
    assert_eq!(result_text(&run(&mut s, "c")).as_deref(), Some("200"));
}

#[test]
fn chunksweep_usage_errors() {
    let mut s = Session::new();
    for bad in [
        "%%chunksweep c [1, 2]\n1",
        "%%chunksweep c in 5\n1",
        "%%chunksweep c in [1]\n",
    ] {
        assert_eq!(error_of(&run(&mut s, bad)).0, "UsageError", "{bad}");
    }
}

#[test]
fn prun_pages_a_per_operation_report() {
    let mut s = Session::new();
    let r = run(
        &mut s,
        "import dask.array as da\n%prun -s ncalls da.ones((100, 100), chunks=10).sum().compute()",
    );
    let CellOutcome::Ok { payload, result } = &r.outcome else {
        panic!("{:?}", r.outcome)
    };
    assert_eq!(result.as_ref().map(|b| b.text()), Some("10000.0"));
    let Payload::Page(page) = &payload[0];
    let text = page.text();
    assert!(
        text.contains("Ordered by: call count")
            && text.contains("ncalls  tottime  percall  cumtime  percall operation"),
        "{text}"
    );
    assert!(
        r.displays
            .iter()
            .any(|d| d.data.contains_key("image/svg+xml")),
        "task stream shown"
    );
    let r = run(&mut s, "%prun x = 1 + 1");
    let CellOutcome::Ok { payload, .. } = &r.outcome else {
        panic!()
    };
    let Payload::Page(page) = &payload[0];
    assert!(page.text().contains("ran no lazy computations"));
}

#[test]
fn run_sets_sys_argv_for_the_script() {
    let dir = std::env::temp_dir().join(format!("tessera-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("prep.py");
    std::fs::write(
        &file,
        "import sys\nargs = sys.argv[1:]\nprint('prep', args)\n",
    )
    .unwrap();
    let mut s = Session::new();
    let r = run(&mut s, &format!("%run {} -d random", file.display()));
    assert_eq!(r.stdout, "prep ['-d', 'random']\n");
    assert_eq!(
        result_text(&run(&mut s, "args")).as_deref(),
        Some("['-d', 'random']")
    );
    let (_, msg) = error_of(&run(&mut s, "%run /nonexistent/x.py"));
    assert!(
        msg.starts_with("File `/nonexistent/x.py` not found"),
        "{msg}"
    );
    // The script's arguments do not leak into the session's sys.argv.
    assert_eq!(
        result_text(&run(&mut s, "import sys\nsys.argv")).as_deref(),
        Some("[]")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn unknown_magics_and_extensions() {
    let mut s = Session::new();
    let (name, msg) = error_of(&run(&mut s, "%nosuch 1"));
    assert_eq!(
        (name.as_str(), msg.as_str()),
        ("UsageError", "Line magic function `%nosuch` not found.")
    );
    let (name, _) = error_of(&run(&mut s, "%load_ext snakeviz"));
    assert_eq!(name, "UsageError");
    let r = run(&mut s, "%lsmagic");
    assert!(
        r.stdout.contains("%whos")
            && r.stdout.contains("%%chunksweep")
            && r.stdout.contains("%prun")
    );
}
