//! Every notebook in notebooks/ runs end to end through a fresh Session, and the
//! outputs saved in it match a fresh run (text/plain of results and displays,
//! stream text, error names). Cells tagged `nondeterministic` (timings, random
//! seeds from the clock) are run but not compared; neither are live progress bars.

use serde_json::Value;
use std::path::{Path, PathBuf};
use tessera::notebook::{run_file, RunOptions};

fn notebooks() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("notebooks");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "ipynb"));
    v.sort();
    v
}

/// The comparable text of a cell's outputs.
fn fingerprint(cell: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for o in cell["outputs"].as_array().into_iter().flatten() {
        match o["output_type"].as_str() {
            Some("stream") => out.push(format!("stream:{}", text(&o["text"]))),
            // Live progress bars appear only for computes slower than 0.5 s: timing, not content.
            Some("display_data") if text(&o["data"]["text/html"]).contains("tessera-progress") => {}
            Some("execute_result") | Some("display_data") => {
                out.push(format!("data:{}", text(&o["data"]["text/plain"])))
            }
            Some("error") => out.push(format!("error:{}", o["ename"].as_str().unwrap_or(""))),
            _ => {}
        }
    }
    // Consecutive stream chunks are one stream for the reader.
    let mut merged: Vec<String> = Vec::new();
    for s in out {
        match (merged.last_mut(), s.strip_prefix("stream:")) {
            (Some(last), Some(t)) if last.starts_with("stream:") => last.push_str(t),
            _ => merged.push(s),
        }
    }
    merged
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => String::new(),
    }
}

fn is_nondeterministic(cell: &Value) -> bool {
    cell["metadata"]["tags"]
        .as_array()
        .is_some_and(|t| t.iter().any(|x| x == "nondeterministic"))
}

#[test]
fn notebooks_rerun_with_their_saved_outputs() {
    let books = notebooks();
    assert!(!books.is_empty(), "notebooks/ has no notebooks");
    for nb in books {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out.ipynb");
        let opts = RunOptions {
            output: Some(&out),
            allow_errors: true,
        };
        let mut sink = Vec::new();
        // Notebooks run from their own folder, as in JupyterLab.
        std::env::set_current_dir(nb.parent().unwrap()).unwrap();
        let summary = run_file(&nb, &opts, &mut sink).unwrap();
        let saved: Value = serde_json::from_str(&std::fs::read_to_string(&nb).unwrap()).unwrap();
        let fresh: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let (s_cells, f_cells) = (
            saved["cells"].as_array().unwrap(),
            fresh["cells"].as_array().unwrap(),
        );
        assert_eq!(s_cells.len(), f_cells.len());
        for (i, (s, f)) in s_cells.iter().zip(f_cells).enumerate() {
            if s["cell_type"] != "code" || is_nondeterministic(s) {
                continue;
            }
            let expect_error = s["metadata"]["tags"]
                .as_array()
                .is_some_and(|t| t.iter().any(|x| x == "raises-exception"));
            let (sf, ff) = (fingerprint(s), fingerprint(f));
            assert_eq!(
                sf,
                ff,
                "{}: cell {i} outputs differ from a fresh run",
                nb.display()
            );
            if !expect_error {
                assert!(
                    !ff.iter().any(|x| x.starts_with("error:")),
                    "{}: cell {i} raised: {ff:?}",
                    nb.display()
                );
            }
        }
        assert!(summary.cells_run > 0);
    }
}
