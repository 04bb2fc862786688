//! `tessera run`: execute a notebook (`.ipynb`) or a script (`.py`) headless
//! through the same `Session` the kernel uses, print text outputs, and
//! optionally write the executed notebook (nbformat 4).

mod nbformat;

use crate::lang::{CapturedOutput, OutputEvent, StreamName};
use crate::session::{CellOutcome, Payload, Session};
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

pub use nbformat::NotebookError;

/// What a run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RunSummary {
    /// Code cells executed.
    pub cells_run: usize,
    /// Cells that raised.
    pub errors: usize,
}

/// Options of `tessera run`.
#[derive(Debug, Default)]
pub struct RunOptions<'a> {
    /// Write the executed notebook here.
    pub output: Option<&'a Path>,
    /// Keep going after a failing cell.
    pub allow_errors: bool,
}

/// Run `path`; text outputs go to `sink`. Stops at the first error unless
/// `allow_errors` (the summary then counts the errors).
pub fn run_file(
    path: &Path,
    opts: &RunOptions,
    sink: &mut dyn Write,
) -> Result<RunSummary, NotebookError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| NotebookError::Io(path.display().to_string(), e))?;
    let is_notebook = path.extension().is_some_and(|e| e == "ipynb");
    let mut nb = if is_notebook {
        nbformat::Notebook::parse(&text)?
    } else {
        nbformat::Notebook::from_script(&text)
    };
    let mut session = Session::new();
    let mut summary = RunSummary::default();
    for idx in nb.code_cells() {
        let code = nb.source(idx);
        summary.cells_run += 1;
        let count = summary.cells_run as i64;
        let capture = Arc::new(CapturedOutput::new());
        let outcome = session.run_cell(&code, &format!("Cell In[{count}]"), capture.clone());
        let mut outputs = Vec::new();
        let mut by_display_id = std::collections::HashMap::new();
        for ev in capture.take() {
            print_event(&ev, sink)?;
            match &ev {
                // An update replaces the output shown under that id, as frontends do.
                OutputEvent::Display {
                    display_id: Some(id),
                    update: true,
                    ..
                } => {
                    if let Some(&i) = by_display_id.get(id) {
                        outputs[i] = nbformat::output_of_event(&ev);
                    }
                }
                OutputEvent::Display {
                    display_id: Some(id),
                    ..
                } => {
                    by_display_id.insert(id.clone(), outputs.len());
                    outputs.push(nbformat::output_of_event(&ev));
                }
                OutputEvent::Clear { .. } => {
                    outputs.clear();
                    by_display_id.clear();
                }
                _ => outputs.push(nbformat::output_of_event(&ev)),
            }
        }
        let failed = match &outcome {
            CellOutcome::Ok { result, payload } => {
                if let Some(b) = result {
                    writeln!(sink, "{}", b.text()).map_err(NotebookError::Write)?;
                    outputs.push(nbformat::execute_result(b, count));
                }
                for Payload::Page(b) in payload {
                    writeln!(sink, "{}", b.text()).map_err(NotebookError::Write)?;
                    outputs.push(nbformat::display_data(b));
                }
                false
            }
            CellOutcome::Error(exc) => {
                for line in &exc.traceback {
                    writeln!(sink, "{}", strip_ansi(line)).map_err(NotebookError::Write)?;
                }
                outputs.push(nbformat::error(exc));
                summary.errors += 1;
                true
            }
        };
        nb.set_outputs(idx, outputs, count);
        if failed && !opts.allow_errors {
            break;
        }
    }
    if let Some(out) = opts.output {
        std::fs::write(out, nb.to_json())
            .map_err(|e| NotebookError::Io(out.display().to_string(), e))?;
    }
    Ok(summary)
}

fn print_event(ev: &OutputEvent, sink: &mut dyn Write) -> Result<(), NotebookError> {
    let r = match ev {
        OutputEvent::Stream(StreamName::Stdout, t) | OutputEvent::Stream(StreamName::Stderr, t) => {
            write!(sink, "{t}")
        }
        OutputEvent::Display { bundle, .. } => writeln!(sink, "{}", bundle.text()),
        OutputEvent::Clear { .. } => Ok(()),
    };
    r.map_err(NotebookError::Write)
}

/// Remove ANSI colour escapes (tracebacks carry them for the browser).
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_colour_codes() {
        assert_eq!(
            strip_ansi("\u{1b}[0;31mNameError\u{1b}[0m: x"),
            "NameError: x"
        );
        assert_eq!(strip_ansi("plain"), "plain");
    }
}
