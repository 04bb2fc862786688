//! The Python-syntax dialect: source text → values, on a real Python parser.
//!
//! FACADE (used by `session` and `magics`; keep these signatures stable):
//! `Interpreter::new`, `exec_cell`, `eval_expression`, `bundle`, `complete`,
//! `inspect`, `is_complete`, `global_names`; `ExecContext`; `PyException`;
//! `output::{Output, StreamName, InputError, CapturedOutput}`.

pub mod builtins;
pub mod compile;
pub mod complexnum;
pub mod error;
pub mod eval;
pub mod exc;
pub mod format;
pub mod inspect;
pub mod ir;
pub mod methods;
pub mod modules;
pub mod ops;
pub mod output;
pub mod repr;
pub mod suggest;
pub mod value;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_object;

use crate::display::MimeBundle;
use crate::sched::CancelToken;
use std::sync::Arc;

pub use error::LangError;
pub use eval::{Args, Vm};
pub use exc::{PyErr, PyResult};
pub use modules::register_module;
pub use value::{Builtin, Module, Object, Value};

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
pub struct Interpreter {
    globals: Arc<value::Globals>,
}

impl Interpreter {
    /// A fresh interpreter with empty globals (`__name__` is `'__main__'`).
    pub fn new() -> Self {
        let it = Self::default();
        it.globals.set("__name__", Value::str("__main__"));
        it
    }

    /// The globals (shared with functions defined in this interpreter).
    pub fn globals(&self) -> &Arc<value::Globals> {
        &self.globals
    }

    /// Run a cell; returns the value of a trailing expression statement (if not None).
    pub fn exec_cell(
        &mut self,
        src: &str,
        cell_name: &str,
        ctx: &ExecContext,
    ) -> Result<Option<Value>, PyException> {
        let v = self
            .run(src, cell_name, ctx)
            .map_err(|e| e.to_exception())?;
        // Like IPython, a trailing `;` suppresses the cell's result.
        Ok(if ends_with_semicolon(src) { None } else { v })
    }

    /// Like `exec_cell` but keeps the raw exception (for callers that re-raise it).
    pub fn run(
        &mut self,
        src: &str,
        cell_name: &str,
        ctx: &ExecContext,
    ) -> PyResult<Option<Value>> {
        let code = parse_and_compile(src, cell_name, &self.globals)?;
        self.run_code(&code, ctx)
    }

    /// Compile a cell once without running it (`%timeit` runs the result many times).
    pub fn compile(&self, src: &str, cell_name: &str) -> Result<Arc<ir::Code>, PyException> {
        parse_and_compile(src, cell_name, &self.globals).map_err(|e| e.to_exception())
    }

    /// Run code from `compile`; the trailing expression's value, if any.
    pub fn run_compiled(
        &mut self,
        code: &ir::Code,
        ctx: &ExecContext,
    ) -> Result<Option<Value>, PyException> {
        self.run_code(code, ctx).map_err(|e| e.to_exception())
    }

    fn run_code(&mut self, code: &ir::Code, ctx: &ExecContext) -> PyResult<Option<Value>> {
        let mut vm = Vm::new(ctx);
        let globals = self.globals.clone();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            stacker::maybe_grow(1 << 20, 16 << 20, || vm.run_module(code, &globals))
        })) {
            Ok(r) => r,
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "internal error".into());
                Err(exc::new(
                    "SystemError",
                    format!("Tessera internal error: {msg}"),
                ))
            }
        }
    }

    /// Evaluate one expression (for `user_expressions`).
    pub fn eval_expression(&mut self, src: &str, ctx: &ExecContext) -> Result<Value, PyException> {
        if let Err(e) = ruff_python_parser::parse_expression(src) {
            let err = parse_error(src, "<expr>", &e);
            return Err(err.to_exception());
        }
        self.exec_cell(src, "<expr>", ctx)
            .map(|v| v.unwrap_or(Value::None))
    }

    /// The display bundle of a value (`text/plain` always present).
    pub fn bundle(&self, v: &Value) -> MimeBundle {
        let ctx = ExecContext {
            out: Arc::new(CapturedOutput::new()),
            cancel: CancelToken::new(),
        };
        let mut vm = Vm::new(&ctx);
        builtins::value_bundle(&mut vm, v)
            .unwrap_or_else(|_| MimeBundle::plain(repr::repr_simple(v)))
    }

    /// Completions at `cursor` (code points).
    pub fn complete(&self, code: &str, cursor: usize) -> Completion {
        inspect::complete(&self.globals, code, cursor)
    }

    /// Inspection text (signature, docstring, type) for the name at `cursor`.
    pub fn inspect(&self, code: &str, cursor: usize, detail: u8) -> Option<String> {
        inspect::inspect(&self.globals, code, cursor, detail)
    }

    /// Whether `code` is complete, needs more lines, or is invalid.
    pub fn is_complete(&self, code: &str) -> IsComplete {
        inspect::is_complete(code)
    }

    /// Names defined in the globals, sorted (for `%who`).
    pub fn global_names(&self) -> Vec<String> {
        self.globals
            .names()
            .into_iter()
            .filter(|n| !(n.starts_with("__") && n.ends_with("__")))
            .collect()
    }

    /// Look up a global (for `%who`, `%timeit` and tests).
    pub fn get_global(&self, name: &str) -> Option<Value> {
        self.globals.get(name)
    }

    /// Bind a global (for magics and library setup).
    pub fn set_global(&self, name: &str, v: Value) {
        self.globals.set(name, v)
    }

    /// Remove every user global (`%reset`).
    pub fn reset(&mut self) {
        *self = Self::new();
    }
}

/// Call a dialect callable from any thread (e.g. a scheduler worker running a delayed task).
pub fn call_value(f: &Value, args: Vec<Value>, ctx: &ExecContext) -> Result<Value, PyException> {
    let mut vm = Vm::new(ctx);
    vm.call_value(f, Args::pos(args))
        .map_err(|e| e.to_exception())
}

fn parse_error(src: &str, name: &str, e: &ruff_python_parser::ParseError) -> Box<PyErr> {
    let globals = value::Globals::default();
    let c = compile::Compiler::new(src, name, &globals);
    let (line, col) = c.line_col(e.location.start());
    let text = src.lines().nth(line as usize - 1).unwrap_or("").to_string();
    let mut msg = parse_message(&e.error.to_string());
    if let Some(open) = unclosed_bracket(src) {
        if msg.contains("EOF") || msg.contains("newline") {
            msg = format!("'{open}' was never closed");
        }
    }
    exc::syntax_error(&msg, name, line, col + 1, &text)
}

/// Whether the last code line ends with `;` (ignoring a trailing comment).
fn ends_with_semicolon(src: &str) -> bool {
    let Some(last) = src.trim_end().lines().last() else {
        return false;
    };
    let code = match last.rfind('#') {
        Some(i) if !last[i..].contains(['\'', '"']) => &last[..i],
        _ => last,
    };
    code.trim_end().ends_with(';')
}

fn unclosed_bracket(src: &str) -> Option<char> {
    let mut stack = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in src.chars() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => quote = Some(c),
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.last().copied()
}

fn parse_message(m: &str) -> String {
    let lower = m.to_lowercase();
    if lower.contains("expected an indented block") {
        return "expected an indented block".into();
    }
    if lower.contains("unexpected indentation") {
        return "unexpected indent".into();
    }
    if m.is_empty() {
        return "invalid syntax".into();
    }
    format!("invalid syntax: {m}")
}

/// Parse and compile a cell (SyntaxError on failure).
pub fn parse_and_compile(
    src: &str,
    name: &str,
    globals: &value::Globals,
) -> PyResult<Arc<ir::Code>> {
    if nesting_depth(src) > MAX_NESTING {
        return Err(exc::syntax_error(
            "too many nested parentheses",
            name,
            1,
            1,
            "",
        ));
    }
    // The parser and compiler recurse on nesting: give them a roomy stack on any thread.
    stacker::maybe_grow(8 << 20, 64 << 20, || {
        let parsed =
            ruff_python_parser::parse_module(src).map_err(|e| parse_error(src, name, &e))?;
        let c = compile::Compiler::new(src, name, globals);
        c.compile_module(&parsed.syntax().body)
    })
}

/// Deepest bracket / unary-operator nesting accepted (CPython allows 200 parentheses).
const MAX_NESTING: usize = 200;

fn nesting_depth(src: &str) -> usize {
    let (mut depth, mut max, mut run) = (0usize, 0usize, 0usize);
    let (mut quote, mut escaped, mut comment) = (None::<char>, false, false);
    for c in src.chars() {
        if comment {
            comment = c != '\n';
            continue;
        }
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                continue;
            }
            '#' => {
                comment = true;
                continue;
            }
            _ => {}
        }
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if matches!(c, '-' | '+' | '~') {
            run += 1;
            max = max.max(run / 4);
        } else if !c.is_whitespace() {
            run = 0;
        }
    }
    max
}
