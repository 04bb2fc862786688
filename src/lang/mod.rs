//! The Python-syntax dialect: source text → values, on a real Python parser.
//!
//! FACADE (used by `session` and `magics`; keep these signatures stable):
//! `Interpreter::new`, `exec_cell`, `eval_expression`, `bundle`, `complete`,
//! `inspect`, `is_complete`, `global_names`; `ExecContext`; `PyException`;
//! `output::{Output, StreamName, InputError, CapturedOutput}`.

pub mod output;

use crate::display::MimeBundle;
use crate::sched::CancelToken;
use std::sync::Arc;

pub use output::{CapturedOutput, InputError, Output, OutputEvent, StreamName};

/// Everything running code may need from its host: where output goes and the interrupt flag.
#[derive(Clone)]
pub struct ExecContext {
    /// Sink for print/display/input.
    pub out: Arc<dyn Output>,
    /// Set by the kernel on interrupt; loops, sleeps and computes poll it.
    pub cancel: CancelToken,
}

/// A raised dialect exception, ready to be shown as a Jupyter `error`.
#[derive(Clone, Debug, PartialEq)]
pub struct PyException {
    /// Exception class name, e.g. `NameError`.
    pub ename: String,
    /// The message, e.g. `name 'x' is not defined`.
    pub evalue: String,
    /// Rendered traceback lines (may carry ANSI colour codes), last line `ename: evalue`.
    pub traceback: Vec<String>,
}

/// A dialect value (placeholder until the interpreter lands).
#[derive(Clone, Debug)]
pub struct Value(String);

/// Completion matches for a cursor position (code-point offsets).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Completion {
    /// Candidate texts replacing `[start, end)`.
    pub matches: Vec<String>,
    /// Start of the replaced range.
    pub start: usize,
    /// End of the replaced range.
    pub end: usize,
    /// `(text, type)` pairs, e.g. `("sum", "function")`.
    pub types: Vec<(String, String)>,
}

/// What `is_complete_request` answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IsComplete {
    /// Ready to run.
    Complete,
    /// More lines needed; the indent for the next line.
    Incomplete(String),
    /// Cannot become valid by adding lines.
    Invalid,
    /// Cannot tell.
    Unknown,
}

/// One notebook's interpreter: owns the globals that persist across cells.
#[derive(Default)]
pub struct Interpreter {}

impl Interpreter {
    /// A fresh interpreter with empty globals.
    pub fn new() -> Self {
        Self::default()
    }

    /// Run a cell; returns the value of a trailing expression statement (if not None).
    pub fn exec_cell(
        &mut self,
        _src: &str,
        _cell_name: &str,
        _ctx: &ExecContext,
    ) -> Result<Option<Value>, PyException> {
        Err(PyException {
            ename: "NotImplementedError".into(),
            evalue: "the interpreter is not built yet".into(),
            traceback: vec!["NotImplementedError: the interpreter is not built yet".into()],
        })
    }

    /// Evaluate one expression (for `user_expressions`).
    pub fn eval_expression(&mut self, src: &str, ctx: &ExecContext) -> Result<Value, PyException> {
        self.exec_cell(src, "<expr>", ctx)
            .map(|v| v.unwrap_or(Value(String::new())))
    }

    /// The display bundle of a value (`text/plain` always present).
    pub fn bundle(&self, v: &Value) -> MimeBundle {
        MimeBundle::plain(v.0.clone())
    }

    /// Completions at `cursor` (code points).
    pub fn complete(&self, _code: &str, cursor: usize) -> Completion {
        Completion {
            start: cursor,
            end: cursor,
            ..Completion::default()
        }
    }

    /// Inspection text (signature, docstring, type) for the name at `cursor`.
    pub fn inspect(&self, _code: &str, _cursor: usize, _detail: u8) -> Option<String> {
        None
    }

    /// Whether `code` is complete, needs more lines, or is invalid.
    pub fn is_complete(&self, _code: &str) -> IsComplete {
        IsComplete::Unknown
    }

    /// Names defined in the globals, sorted (for `%who`).
    pub fn global_names(&self) -> Vec<String> {
        Vec::new()
    }
}
