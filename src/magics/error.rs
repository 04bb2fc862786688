//! Errors of magics; turned into dialect exceptions by `into_py`.

use crate::lang::PyException;

/// Why a magic could not run.
#[derive(Debug, thiserror::Error)]
pub enum MagicError {
    /// Wrong options or arguments (IPython raises `UsageError`).
    #[error("{0}")]
    Usage(String),
    /// A magic that does not exist.
    #[error("Line magic function `%{0}` not found.")]
    UnknownLine(String),
    /// A cell magic that does not exist.
    #[error("Cell magic `%%{0}` not found.")]
    UnknownCell(String),
    /// The cell was interrupted between timing loops.
    #[error("interrupted")]
    Interrupted,
    /// A file could not be read (`%run`).
    #[error("{0}")]
    File(String),
}

impl MagicError {
    /// The dialect exception shown to the user.
    pub fn into_py(self) -> PyException {
        let ename = match &self {
            MagicError::Interrupted => "KeyboardInterrupt",
            MagicError::File(_) => "FileNotFoundError",
            _ => "UsageError",
        };
        let evalue = match &self {
            MagicError::Interrupted => String::new(),
            other => other.to_string(),
        };
        let last = if evalue.is_empty() {
            format!("\u{1b}[0;31m{ename}\u{1b}[0m")
        } else {
            format!("\u{1b}[0;31m{ename}\u{1b}[0m: {evalue}")
        };
        PyException {
            ename: ename.into(),
            evalue,
            traceback: vec![last],
        }
    }
}
