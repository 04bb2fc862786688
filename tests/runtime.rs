//! How computes run, end to end through `Session`: `dask.config`, schedulers,
//! `Client`/`LocalCluster` and futures, `dask.diagnostics`, live progress bars,
//! `dask.compute`/`persist`/`visualize` over mixed collections, and the memory guard.
//! Settings are process-wide (like Dask's), so these tests take one lock.

use parking_lot::Mutex;
use std::sync::Arc;
use tessera::session::{CapturedOutput, CellOutcome, OutputEvent, Session, StreamName};

static LOCK: Mutex<()> = Mutex::new(());

struct Run {
    stdout: String,
    stderr: String,
    events: Vec<OutputEvent>,
    outcome: CellOutcome,
}

fn run(s: &mut Session, code: &str) -> Run {
    let out = Arc::new(CapturedOutput::new());
    let outcome = s.run_cell(code, "Cell In[1]", out.clone());
    let events = out.take();
    let mut stdout = String::new();
    let mut stderr = String::new();
    for ev in &events {
        match ev {
            OutputEvent::Stream(StreamName::Stdout, t) => stdout.push_str(t),
            OutputEvent::Stream(StreamName::Stderr, t) => stderr.push_str(t),
            _ => {}
        }
    }
    Run {
        stdout,
        stderr,
        events,
        outcome,
    }
}

fn ok(s: &mut Session, code: &str) -> Run {
    let r = run(s, code);
    if let CellOutcome::Error(e) = &r.outcome {
        panic!("cell failed: {}: {}\n{code}", e.ename, e.evalue);
    }
    r
}

fn err(s: &mut Session, code: &str) -> (String, String) {
    match run(s, code).outcome {
        CellOutcome::Error(e) => (e.ename, e.evalue),
        CellOutcome::Ok { .. } => panic!("expected an error from {code}"),
    }
}

fn result(r: &Run) -> String {
    match &r.outcome {
        CellOutcome::Ok {
            result: Some(b), ..
        } => b.text().to_string(),
        _ => String::new(),
    }
}

#[test]
fn config_set_is_scoped_in_with_and_global_otherwise() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import dask\nimport dask.array as da\nx = da.ones((100, 100), chunks=10)",
    );
    let r = ok(
        &mut s,
        "with dask.config.set(scheduler='sync', num_workers=3):\n    print(dask.config.get('scheduler'), dask.config.get('num-workers'))\n    print(x.sum().compute())\nprint(dask.config.get('scheduler', 'unset'))",
    );
    assert_eq!(r.stdout, "sync 3\n10000.0\nunset\n");
    ok(&mut s, "dask.config.set({'scheduler': 'single-threaded'})");
    assert_eq!(
        result(&ok(&mut s, "dask.config.get('scheduler')")),
        "'single-threaded'"
    );
    ok(&mut s, "dask.config.set(scheduler=None)");
    let (ename, evalue) = err(&mut s, "dask.config.set(scheduler='gpu')");
    assert_eq!(ename, "ValueError");
    assert!(
        evalue.contains("'gpu'") || evalue.contains("\"gpu\""),
        "{evalue}"
    );
    assert_eq!(err(&mut s, "dask.config.get('no.such.key')").0, "KeyError");
}

#[test]
fn processes_runs_on_threads_and_says_so_once() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import dask.array as da\nx = da.arange(10, chunks=3)",
    );
    let first = ok(&mut s, "print(x.sum().compute(scheduler='processes'))");
    let second = ok(&mut s, "print(x.sum().compute(scheduler='processes'))");
    assert_eq!(first.stdout, "45\n");
    // Once per process: an earlier test in this binary may already have printed it.
    assert!(second.stderr.is_empty(), "{}", second.stderr);
    assert!(!first.stderr.contains("Traceback"));
}

#[test]
fn client_pool_runs_submitted_functions_concurrently() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import time\nfrom dask.distributed import Client, LocalCluster\ndef span(i):\n    t = time.perf_counter()\n    time.sleep(0.3)\n    return (t, time.perf_counter())",
    );
    let r = ok(
        &mut s,
        "c = Client(n_workers=2, threads_per_worker=4, processes=False)\nprint(c)\nspans = c.gather(c.map(span, range(8)))\nstart = max(a for a, b in spans)\nend = min(b for a, b in spans)\nprint(len(spans), start < end)\nc.close()",
    );
    assert!(
        r.stdout.starts_with("<Client: 'inproc://tessera/"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("threads=8"), "{}", r.stdout);
    // All 8 sleeps overlapped: the last to start began before the first to end finished.
    assert!(r.stdout.ends_with("8 True\n"), "{}", r.stdout);
    // A pool of 2 threads runs at most 2 at once: 4 of them cannot all overlap.
    let r = ok(
        &mut s,
        "with Client(LocalCluster(n_workers=1, threads_per_worker=2)) as c:\n    spans = c.gather([c.submit(span, i) for i in range(4)])\nprint(max(a for a, b in spans) < min(b for a, b in spans))",
    );
    assert_eq!(r.stdout, "False\n");
}

#[test]
fn futures_results_errors_and_compute() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(&mut s, "from dask.distributed import Client\nimport dask.array as da\nc = Client(processes=False)\ndef inc(x):\n    return x + 1\ndef boom(x):\n    raise ValueError('bad ' + str(x))");
    let r = ok(
        &mut s,
        "f = c.submit(inc, 1)\ng = c.submit(inc, f)\nprint(g.result(), f.status, f.done())",
    );
    assert_eq!(r.stdout, "3 finished True\n");
    assert!(result(&ok(&mut s, "g")).starts_with("<Future: finished, type: int, key: inc-"));
    let (ename, evalue) = err(&mut s, "c.submit(boom, 7).result()");
    assert_eq!((ename.as_str(), evalue.as_str()), ("ValueError", "bad 7"));
    let r = ok(&mut s, "x = da.ones((100, 100), chunks=25)\nf = c.compute(x.sum())\nprint(f.result(), c.compute([x.sum(), x.mean()], sync=True))");
    assert_eq!(r.stdout, "10000.0 [10000.0, 1.0]\n");
    let html = ok(&mut s, "c");
    let CellOutcome::Ok {
        result: Some(b), ..
    } = &html.outcome
    else {
        panic!()
    };
    assert!(b.data["text/html"].contains("Threads per worker"));
    ok(&mut s, "c.close()");
    let (ename, evalue) = err(&mut s, "Client('tcp://scheduler:8786')");
    assert_eq!(ename, "OSError");
    assert!(
        evalue.contains("Tessera computes locally") && evalue.contains("Client("),
        "{evalue}"
    );
}

#[test]
fn progress_bar_and_profilers_watch_computes() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(&mut s, "import time\nfrom dask import delayed\nimport dask.array as da\nfrom dask.diagnostics import ProgressBar, Profiler, ResourceProfiler, visualize");
    let r = ok(
        &mut s,
        "with ProgressBar():\n    delayed(time.sleep)(0.35).compute()",
    );
    assert!(
        r.stdout
            .contains("\r[########################################] | 100% Completed |"),
        "{:?}",
        r.stdout
    );
    assert!(r.stdout.ends_with('\n'));
    assert!(
        r.stdout.contains("0% Completed"),
        "the bar is redrawn while running: {:?}",
        r.stdout
    );
    let r = ok(&mut s, "x = da.ones((400, 400), chunks=100)\nwith Profiler() as prof, ResourceProfiler(dt=0.01) as rprof:\n    (x + 1).sum().compute()\n    time.sleep(0.05)\nprint(len(prof.results) >= 16, len(rprof.results) >= 2)\nprint(prof.results[0].end_time >= prof.results[0].start_time)\nkey, task, start, end, worker = prof.results[0]\nprint(type(worker).__name__)");
    assert_eq!(r.stdout, "True True\nTrue\nint\n");
    let r = ok(&mut s, "visualize([prof, rprof])");
    let CellOutcome::Ok {
        result: Some(b), ..
    } = &r.outcome
    else {
        panic!()
    };
    assert_eq!(b.data["text/html"].matches("<svg").count(), 2);
    let r = ok(&mut s, "pb = ProgressBar()\npb.register()\ndelayed(time.sleep)(0.05).compute()\npb.unregister()\ndelayed(time.sleep)(0.05).compute()");
    assert_eq!(
        r.stdout.matches("100% Completed").count(),
        1,
        "{:?}",
        r.stdout
    );
}

#[test]
fn long_computes_show_a_live_html_bar_short_ones_do_not() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import time\nfrom dask import delayed\nimport dask.array as da",
    );
    let quick = ok(&mut s, "da.ones((100, 100), chunks=10).sum().compute()");
    assert!(!quick
        .events
        .iter()
        .any(|e| matches!(e, OutputEvent::Display { .. })));
    let r = ok(
        &mut s,
        "import dask\ndask.compute(*[delayed(time.sleep)(0.3) for _ in range(6)], num_workers=2)",
    );
    let bars: Vec<(&str, bool, &str)> = r
        .events
        .iter()
        .filter_map(|e| match e {
            OutputEvent::Display {
                bundle,
                display_id,
                update,
            } => Some((
                display_id.as_deref().unwrap_or(""),
                *update,
                bundle
                    .data
                    .get("text/html")
                    .map(String::as_str)
                    .unwrap_or(""),
            )),
            _ => None,
        })
        .collect();
    assert!(bars.len() >= 3, "shown, updated, finished: {}", bars.len());
    assert!(
        !bars[0].1 && bars[1..].iter().all(|b| b.1),
        "first display, then updates"
    );
    assert!(bars
        .iter()
        .all(|b| b.0 == bars[0].0 && b.0.starts_with("tessera-progress-")));
    let last = bars.last().unwrap().2;
    // Six sleeps (the literal carrying the cell's context is not counted).
    assert!(
        last.contains("100%") && last.contains("6 / 6 tasks"),
        "{last}"
    );
    assert!(
        bars.len() <= 2 + 10,
        "at most ~10 redraws a second over ~0.9 s: {}",
        bars.len()
    );
}

#[test]
fn interrupted_compute_marks_the_bar_cancelled() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(&mut s, "import time\nfrom dask import delayed");
    let token = s.cancel_token();
    let t = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(900));
        token.cancel();
    });
    let r = run(&mut s, "delayed(time.sleep)(5).compute()");
    t.join().unwrap();
    let CellOutcome::Error(e) = &r.outcome else {
        panic!("expected KeyboardInterrupt")
    };
    assert_eq!(e.ename, "KeyboardInterrupt");
    let last = r.events.iter().rev().find_map(|e| match e {
        OutputEvent::Display { bundle, .. } => bundle.data.get("text/html").cloned(),
        _ => None,
    });
    assert!(last.expect("a bar was shown").contains("cancelled"));
}

#[test]
fn dask_compute_traverses_and_persist_visualize_take_mixed_collections() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(&mut s, "import dask\nimport dask.array as da\nimport dask.bag as db\nfrom dask import delayed\nx = da.arange(10, chunks=4)\nd = delayed(sum)([1, 2, 3])\nb = db.from_sequence(range(5), npartitions=2).map(lambda v: v * 10)");
    let r = ok(
        &mut s,
        "dask.compute({'a': x.sum(), 'b': [d, (b, 7)]}, x.max())",
    );
    assert_eq!(
        result(&r),
        "({'a': 45, 'b': [6, ([0, 10, 20, 30, 40], 7)]}, 9)"
    );
    let r = ok(&mut s, "dask.compute([d, x.sum()], traverse=False)");
    assert!(result(&r).starts_with("([Delayed("), "{}", result(&r));
    let r = ok(
        &mut s,
        "xp, dp, five = dask.persist(x + 1, d, 5)\nprint(xp.sum().compute(), dp.compute(), five)",
    );
    assert_eq!(r.stdout, "55 6 5\n");
    let r = ok(&mut s, "dask.visualize(x.sum(), d)");
    let CellOutcome::Ok {
        result: Some(p), ..
    } = &r.outcome
    else {
        panic!()
    };
    assert!(p.data["image/svg+xml"].contains("sum"));
    assert_eq!(result(&ok(&mut s, "len(dask.optimize(x, d))")), "2");
}

#[test]
fn memory_guard_refuses_huge_results_before_allocating() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import dask\nimport dask.array as da\nx = da.ones((1000, 1000), chunks=100)",
    );
    let (ename, evalue) = err(&mut s, "da.ones((10**6, 10**6)).compute()");
    assert_eq!(ename, "MemoryError");
    assert!(
        evalue.contains("7.28 TiB") && evalue.contains("to_zarr"),
        "{evalue}"
    );
    let (ename, _) = err(
        &mut s,
        "with dask.config.set({'array.memory-limit': '1MB'}):\n    x.compute()",
    );
    assert_eq!(ename, "MemoryError");
    // The guard looks at the result, not the input: a reduction of the same array is fine.
    assert_eq!(
        result(&ok(
            &mut s,
            "with dask.config.set({'array.memory-limit': '1MB'}):\n    s = x.sum().compute()\ns"
        )),
        "1000000.0"
    );
    assert_eq!(
        err(&mut s, "dask.config.set({'array.memory-limit': 'lots'})").0,
        "ValueError"
    );
}

#[test]
fn shared_work_runs_once_counted_by_the_profiler() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(&mut s, "import dask\nfrom dask import delayed\nfrom dask.diagnostics import Profiler\ncalls = []\ndef f(x):\n    calls.append(x)\n    return x");
    let r = ok(
        &mut s,
        "a = delayed(f, pure=True)(1)\nb = delayed(f, pure=True)(1)\nwith Profiler() as p:\n    print(dask.compute(a + 1, b * 2, a))\nprint(len(calls), sum(1 for t in p.results if t.task == 'f'), a.key == b.key)",
    );
    assert_eq!(r.stdout, "(2, 2, 1)\n1 1 True\n");
    // Impure calls (the default) get fresh keys, so both run.
    let r = ok(&mut s, "calls.clear()\nx, y = delayed(f)(1), delayed(f)(1)\nprint(dask.compute(x, y), len(calls), x.key == y.key)");
    assert_eq!(r.stdout, "(1, 1) 2 False\n");
}
