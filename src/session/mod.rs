//! One notebook session, free of Jupyter types: the interpreter's globals, the
//! interrupt token, and `run_cell`. The kernel, `tessera run` and the tests all
//! drive this same type (the xeus "interpreter" seam).

mod help;

use crate::display::MimeBundle;
use crate::lang::{self, ExecContext, Interpreter, Output, PyException};
use crate::sched::CancelToken;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

pub use lang::{CapturedOutput, Completion, InputError, IsComplete, OutputEvent, StreamName};

/// A payload item of an execute reply (e.g. the pager text of `obj?`).
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    /// Text for the frontend's pager.
    Page(MimeBundle),
}

/// How a cell ended.
#[derive(Clone, Debug, PartialEq)]
pub enum CellOutcome {
    /// Ran to the end; `result` is the trailing expression's display, if any.
    Ok {
        /// The execute_result bundle.
        result: Option<MimeBundle>,
        /// Reply payloads.
        payload: Vec<Payload>,
    },
    /// Raised an exception (including KeyboardInterrupt and internal panics).
    Error(PyException),
}

/// A user expression's outcome (`user_expressions` in an execute request).
pub type ExprOutcome = Result<MimeBundle, PyException>;

/// One notebook's state: survives errors, interrupts and panics in cells.
pub struct Session {
    interp: Interpreter,
    cancel: CancelToken,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    /// A fresh session with empty globals.
    pub fn new() -> Self {
        Self {
            interp: Interpreter::new(),
            cancel: CancelToken::new(),
        }
    }

    /// The token that interrupts the running cell (the kernel's control thread sets it).
    pub fn cancel_token(&self) -> CancelToken {
        self.cancel.clone()
    }

    /// Run one cell. `cell_name` is how tracebacks name it, e.g. `Cell In[3]`.
    /// Never panics: a panic inside the cell becomes a `SystemError`.
    pub fn run_cell(&mut self, code: &str, cell_name: &str, out: Arc<dyn Output>) -> CellOutcome {
        self.cancel.reset();
        if let Some(query) = help::help_query(code) {
            let text = self
                .interp
                .inspect(&query.name, query.name.chars().count(), query.detail);
            let bundle = match text {
                Some(t) => MimeBundle::plain(t),
                None => MimeBundle::plain(format!("Object `{}` not found.", query.name)),
            };
            return CellOutcome::Ok {
                result: None,
                payload: vec![Payload::Page(bundle)],
            };
        }
        let ctx = ExecContext {
            out,
            cancel: self.cancel.clone(),
        };
        let interp = &mut self.interp;
        let run = catch_unwind(AssertUnwindSafe(|| {
            crate::magics::execute_with_pages(interp, code, cell_name, &ctx)
        }));
        // Like the inline backend: figures still open at the end of a cell are shown.
        let _ = catch_unwind(AssertUnwindSafe(|| {
            crate::lang::modules::matplotlib::flush(&ctx)
        }));
        match run {
            Ok(Ok(r)) => CellOutcome::Ok {
                result: r.result,
                payload: r.pages.into_iter().map(Payload::Page).collect(),
            },
            Ok(Err(exc)) => CellOutcome::Error(exc),
            Err(panic) => CellOutcome::Error(internal_error(panic_message(&panic))),
        }
    }

    /// Evaluate one expression for `user_expressions`; never panics.
    pub fn eval_expression(&mut self, expr: &str, out: Arc<dyn Output>) -> ExprOutcome {
        let ctx = ExecContext {
            out,
            cancel: self.cancel.clone(),
        };
        let interp = &mut self.interp;
        match catch_unwind(AssertUnwindSafe(|| {
            interp
                .eval_expression(expr, &ctx)
                .map(|v| interp.bundle(&v))
        })) {
            Ok(r) => r,
            Err(panic) => Err(internal_error(panic_message(&panic))),
        }
    }

    /// Completions at a code-point cursor position.
    pub fn complete(&self, code: &str, cursor: usize) -> Completion {
        catch_unwind(AssertUnwindSafe(|| self.interp.complete(code, cursor))).unwrap_or(
            Completion {
                start: cursor,
                end: cursor,
                ..Completion::default()
            },
        )
    }

    /// Inspection text for the name at the cursor (`detail` 0 or 1).
    pub fn inspect(&self, code: &str, cursor: usize, detail: u8) -> Option<String> {
        catch_unwind(AssertUnwindSafe(|| {
            self.interp.inspect(code, cursor, detail)
        }))
        .ok()
        .flatten()
    }

    /// Whether the code is ready to run (for console-style frontends).
    pub fn is_complete(&self, code: &str) -> IsComplete {
        if help::help_query(code).is_some() {
            return IsComplete::Complete;
        }
        catch_unwind(AssertUnwindSafe(|| self.interp.is_complete(code)))
            .unwrap_or(IsComplete::Unknown)
    }

    /// Names defined in the session (for `%who`).
    pub fn global_names(&self) -> Vec<String> {
        self.interp.global_names()
    }
}

/// The message carried by a caught panic.
pub fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    crate::sched::panic_message(panic.as_ref())
}

/// A dialect exception reporting an internal error (a caught Rust panic).
pub fn internal_error(message: String) -> PyException {
    let evalue = format!("internal error in Tessera (the session is intact): {message}");
    PyException {
        ename: "SystemError".into(),
        traceback: vec![format!("\u{1b}[0;31mSystemError\u{1b}[0m: {evalue}")],
        evalue,
    }
}
