//! The lang layer's Rust-side error type, for callers that propagate dialect failures
//! with `?` (e.g. `tessera run`). Python exception names stay inside `lang`.

use super::PyException;

/// A failure of dialect code, as a Rust error.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LangError {
    /// A Python exception escaped a cell or call.
    #[error("{}: {}", .0.ename, .0.evalue)]
    Exception(PyException),
}

impl From<PyException> for LangError {
    fn from(e: PyException) -> Self {
        LangError::Exception(e)
    }
}

impl std::fmt::Display for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.evalue.is_empty() {
            f.write_str(&self.ename)
        } else {
            write!(f, "{}: {}", self.ename, self.evalue)
        }
    }
}

impl std::error::Error for PyException {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_the_last_traceback_line() {
        let e = PyException {
            ename: "ValueError".into(),
            evalue: "bad".into(),
            traceback: vec![],
        };
        assert_eq!(e.to_string(), "ValueError: bad");
        assert_eq!(LangError::from(e).to_string(), "ValueError: bad");
    }
}
