//! `matplotlib.pyplot` end to end through `Session`: figures appear as SVG displays
//! at `show()` or at the end of the cell, subplots index like NumPy's object arrays,
//! data comes from lists, NumPy and lazy arrays, and bad input fails like matplotlib.
//! The figure list is process-wide (as in matplotlib), so tests take one lock.

use parking_lot::Mutex;
use std::sync::Arc;
use tessera::display::MimeBundle;
use tessera::session::{CapturedOutput, CellOutcome, OutputEvent, Session};

static LOCK: Mutex<()> = Mutex::new(());

fn run(s: &mut Session, code: &str) -> (CellOutcome, Vec<MimeBundle>) {
    let out = Arc::new(CapturedOutput::new());
    let outcome = s.run_cell(code, "Cell In[1]", out.clone());
    let shown = out
        .take()
        .into_iter()
        .filter_map(|e| match e {
            OutputEvent::Display { bundle, .. } => Some(bundle),
            _ => None,
        })
        .collect();
    (outcome, shown)
}

fn ok(s: &mut Session, code: &str) -> (Option<String>, Vec<MimeBundle>) {
    match run(s, code) {
        (CellOutcome::Ok { result, .. }, shown) => (result.map(|b| b.text().to_string()), shown),
        (CellOutcome::Error(e), _) => panic!("{}: {}\n{code}", e.ename, e.evalue),
    }
}

fn err(s: &mut Session, code: &str) -> (String, String) {
    match run(s, code).0 {
        CellOutcome::Error(e) => (e.ename, e.evalue),
        _ => panic!("expected an error: {code}"),
    }
}

fn svg(b: &MimeBundle) -> &str {
    &b.data["image/svg+xml"]
}

#[test]
fn figures_show_at_cell_end_and_at_show() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import matplotlib.pyplot as plt\nimport numpy as np\nimport dask.array as da",
    );
    let (result, shown) = ok(&mut s, "plt.figure(figsize=(5, 3))\nplt.plot([1, 4, 9], 'r--', label='squares')\nplt.legend()\nplt.title('t')");
    assert_eq!(result.as_deref(), Some("Text(0.5, 1.0, 't')"));
    assert_eq!(shown.len(), 1, "shown once, when the cell ends");
    assert_eq!(shown[0].text(), "<Figure size 500x300 with 1 Axes>");
    assert!(svg(&shown[0]).contains("squares") && svg(&shown[0]).contains("stroke-dasharray"));
    let (_, shown) = ok(&mut s, "x = 1");
    assert!(shown.is_empty(), "a shown figure is closed");
    let (_, shown) = ok(&mut s, "plt.imshow(np.arange(12).reshape(3, 4), cmap='RdBu_r', vmin=0, vmax=11)\nplt.colorbar()\nplt.show()\nprint('after')");
    assert_eq!(shown.len(), 1);
    assert_eq!(svg(&shown[0]).matches("<image").count(), 2);
    let (_, shown) = ok(&mut s, "plt.imshow(da.random.random((20, 30), chunks=10))");
    assert!(svg(&shown[0]).contains("data:image/png;base64,"));
}

#[test]
fn subplots_index_like_arrays_and_draw_every_kind() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import matplotlib.pyplot as plt\nimport numpy as np",
    );
    let (_, shown) = ok(
        &mut s,
        "fig, axes = plt.subplots(2, 3, figsize=(9, 5))\nprint(axes.shape, len(axes), len(axes.flat))\naxes[0, 0].imshow(np.ones((4, 4)), cmap='gray')\naxes[0][1].plot(range(5), [1, 3, 2, 5, 4], 'o')\naxes[1, 2].hist([1, 2, 2, 3, 3, 3], bins=3)\naxes[1, 0].scatter([1, 2], [3, 4], c='k', label='pts')\naxes[1, 0].legend()\nfor ax in axes.flat:\n    ax.set_title('panel')\nfig.suptitle('grid')\nfig",
    );
    assert_eq!(shown.len(), 1);
    let doc = svg(&shown[0]);
    assert_eq!(doc.matches(">panel<").count(), 6);
    assert!(doc.contains(">grid<") && doc.contains(">pts<"));
    let (r, _) = ok(&mut s, "fig, ax = plt.subplots()\nn, edges, patches = ax.hist([0.5, 1.5, 1.7, 2.5], bins=2, range=(0, 3))\n(n, edges)");
    assert_eq!(
        r.as_deref(),
        Some("(array([1., 3.]), array([0. , 1.5, 3. ]))")
    );
    let (_, shown) = ok(
        &mut s,
        "fig, row = plt.subplots(1, 2)\nrow[1].plot([1, 2])\nplt.close('all')",
    );
    assert!(shown.is_empty(), "closed figures are not shown");
}

#[test]
fn bad_input_fails_like_matplotlib() {
    let _g = LOCK.lock();
    let mut s = Session::new();
    ok(
        &mut s,
        "import matplotlib.pyplot as plt\nimport numpy as np",
    );
    assert_eq!(
        err(&mut s, "plt.imshow(np.arange(5))"),
        (
            "TypeError".into(),
            "Invalid shape (5,) for image data".into()
        )
    );
    let (ename, evalue) = err(&mut s, "plt.imshow(np.ones((2, 2)), cmap='nope')");
    assert_eq!(ename, "ValueError");
    assert!(
        evalue.contains("'viridis'") && evalue.contains("'RdBu_r'"),
        "{evalue}"
    );
    assert_eq!(err(&mut s, "plt.plot([1, 2], [1, 2, 3])").0, "ValueError");
    assert_eq!(
        err(&mut s, "plt.figure()\nplt.colorbar()").0,
        "RuntimeError"
    );
    let (ename, evalue) = err(
        &mut s,
        "plt.plot([1, 2])\nplt.savefig('/tmp/tessera-fig.png')",
    );
    assert_eq!(ename, "ValueError");
    assert!(evalue.contains("svg"), "{evalue}");
    ok(
        &mut s,
        "plt.plot([1, 2])\nplt.savefig('/tmp/tessera-fig.svg')\nplt.close()",
    );
    assert!(std::fs::read_to_string("/tmp/tessera-fig.svg")
        .unwrap()
        .starts_with("<svg"));
}
