//! Python exceptions: the built-in class hierarchy, the raised-exception carrier `PyErr`,
//! named constructors, and IPython-style traceback rendering.

use super::ir::Source;
use super::repr::{repr_simple, str_simple};
use super::value::{Class, Instance, Value};
use super::PyException;
use arcstr::ArcStr;
use std::sync::{Arc, OnceLock};

/// One traceback frame: where the exception passed.
#[derive(Clone)]
pub struct TbEntry {
    /// The cell's source.
    pub source: Arc<Source>,
    /// Function name and signature (`None` at cell level).
    pub func: Option<ArcStr>,
    /// 1-based line.
    pub line: u32,
}

/// Where a SyntaxError points.
#[derive(Clone, Debug)]
pub struct SyntaxLoc {
    /// Cell name.
    pub name: ArcStr,
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// The offending line's text.
    pub text: String,
}

/// A raised exception travelling up the Rust stack.
#[derive(Clone)]
pub struct PyErr {
    /// The exception instance.
    pub exc: Value,
    /// Frames, innermost first.
    pub tb: Vec<TbEntry>,
    /// Whether the current frame already recorded its line.
    pub frame_done: bool,
    /// SyntaxError location.
    pub syntax: Option<SyntaxLoc>,
    /// `raise ... from cause`.
    pub cause: Option<Box<PyErr>>,
    /// The exception being handled when this one was raised (implicit chaining).
    pub context: Option<Box<PyErr>>,
    /// `raise ... from None`: do not show the context.
    pub suppress_context: bool,
}

/// Result of evaluating dialect code.
pub type PyResult<T> = Result<T, Box<PyErr>>;

const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("AttributeError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StdinNotImplementedError", "NotImplementedError"),
    ("StopIteration", "Exception"),
    ("AssertionError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("PermissionError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("EOFError", "Exception"),
    ("MemoryError", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

fn classes() -> &'static Vec<Arc<Class>> {
    static C: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    C.get_or_init(|| {
        let mut v: Vec<Arc<Class>> = Vec::new();
        for (name, base) in HIERARCHY {
            let bases = v.iter().filter(|c| &*c.name == *base).cloned().collect();
            v.push(Class::new(name, bases, true, "builtins"));
        }
        v
    })
}

/// The built-in exception class called `name` (panics on unknown names: a programming error).
pub fn class(name: &str) -> Arc<Class> {
    classes()
        .iter()
        .find(|c| &*c.name == name)
        .cloned()
        .unwrap_or_else(|| classes()[1].clone())
}

/// All built-in exception classes (for the builtins namespace).
pub fn all_classes() -> Vec<Arc<Class>> {
    classes().clone()
}

/// An exception instance of `cls` with `args`.
pub fn instance(cls: Arc<Class>, args: Vec<Value>) -> Value {
    let inst = Instance::new(cls);
    inst.set("args", Value::tuple(args));
    Value::Instance(inst)
}

/// Raise-ready error of built-in class `name` with one message argument.
pub fn new(name: &str, msg: impl Into<String>) -> Box<PyErr> {
    let m: String = msg.into();
    let args = if m.is_empty() && name != "KeyError" {
        vec![]
    } else {
        vec![Value::str(&m)]
    };
    from_value(instance(class(name), args))
}

/// Wrap an exception instance for raising.
pub fn from_value(exc: Value) -> Box<PyErr> {
    Box::new(PyErr {
        exc,
        tb: Vec::new(),
        frame_done: false,
        syntax: None,
        cause: None,
        context: None,
        suppress_context: false,
    })
}

/// `TypeError(msg)`.
pub fn type_error(msg: impl Into<String>) -> Box<PyErr> {
    new("TypeError", msg)
}

/// `ValueError(msg)`.
pub fn value_error(msg: impl Into<String>) -> Box<PyErr> {
    new("ValueError", msg)
}

/// `KeyError(key)` (its message is the key's repr).
pub fn key_error(key: &Value) -> Box<PyErr> {
    from_value(instance(class("KeyError"), vec![key.clone()]))
}

/// `OverflowError` for 64-bit integer overflow.
pub fn overflow() -> Box<PyErr> {
    new("OverflowError", "integer overflow: Tessera ints are 64-bit")
}

/// `KeyboardInterrupt`.
pub fn interrupt() -> Box<PyErr> {
    new("KeyboardInterrupt", "")
}

/// A SyntaxError pointing at a line and column.
pub fn syntax_error(msg: &str, name: &str, line: u32, col: u32, text: &str) -> Box<PyErr> {
    let mut e = new("SyntaxError", msg);
    e.syntax = Some(SyntaxLoc {
        name: ArcStr::from(name),
        line,
        col,
        text: text.to_string(),
    });
    e
}

impl PyErr {
    /// The exception's class.
    pub fn class(&self) -> Arc<Class> {
        match &self.exc {
            Value::Instance(i) => i.class.clone(),
            _ => class("Exception"),
        }
    }

    /// The class name, e.g. `ValueError`.
    pub fn name(&self) -> String {
        self.class().name.to_string()
    }

    /// Whether this is an instance of the built-in class `name` (or a subclass).
    pub fn is(&self, name: &str) -> bool {
        self.class().is_subclass(&class(name))
    }

    /// `str(exc)` like CPython.
    pub fn message(&self) -> String {
        exc_str(&self.exc)
    }

    /// Convert into the facade's exception with a rendered traceback.
    pub fn to_exception(&self) -> PyException {
        let ename = self.name();
        let evalue = self.message();
        let traceback = render(self, &ename, &evalue);
        PyException {
            ename,
            evalue,
            traceback,
        }
    }
}

/// `str()` of an exception instance.
pub fn exc_str(v: &Value) -> String {
    let Value::Instance(i) = v else {
        return str_simple(v);
    };
    let args = match i.get("args") {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => vec![],
    };
    match args.len() {
        0 => String::new(),
        1 if &*i.class.name == "KeyError" => repr_simple(&args[0]),
        1 => str_simple(&args[0]),
        _ => repr_simple(&Value::tuple(args)),
    }
}

const RED: &str = "\x1b[0;31m";
const GREEN: &str = "\x1b[0;32m";
const RESET: &str = "\x1b[0m";

fn cell_header(name: &str, line: u32, func: Option<&str>) -> String {
    let (pre, rest) = match name.strip_prefix("Cell ") {
        Some(r) => ("Cell ", r),
        None => ("File ", name),
    };
    match func {
        Some(f) => format!("{pre}{GREEN}{rest}, line {line}{RESET}, in {f}"),
        None => format!("{pre}{GREEN}{rest}, line {line}{RESET}"),
    }
}

fn render_frame(e: &TbEntry) -> String {
    let mut s = cell_header(&e.source.name, e.line, e.func.as_deref());
    s.push('\n');
    let first = e.line.saturating_sub(2).max(1);
    let width = e.line.to_string().len();
    for l in first..=e.line {
        let text = e
            .source
            .lines
            .get(l as usize - 1)
            .map(String::as_str)
            .unwrap_or("");
        if l == e.line {
            s.push_str(&format!("{GREEN}----> {l:>width$}{RESET} {text}\n"));
        } else {
            s.push_str(&format!("      {l:>width$} {text}\n"));
        }
    }
    s
}

fn render_one(e: &PyErr, ename: &str, evalue: &str, out: &mut Vec<String>) {
    if let Some(c) = &e.cause {
        render_one(c, &c.name(), &c.message(), out);
        out.push("\nThe above exception was the direct cause of the following exception:\n".into());
    } else if let (Some(c), false) = (&e.context, e.suppress_context) {
        render_one(c, &c.name(), &c.message(), out);
        out.push("\nDuring handling of the above exception, another exception occurred:\n".into());
    }
    if let Some(s) = &e.syntax {
        let caret = " ".repeat(s.col.saturating_sub(1) as usize + 4);
        out.push(format!(
            "  {}\n    {}\n{caret}{RED}^{RESET}\n",
            cell_header(&s.name, s.line, None),
            s.text
        ));
        out.push(format!("{RED}{ename}{RESET}: {evalue}\n"));
        return;
    }
    out.push(format!("{RED}{}{RESET}", "-".repeat(75)));
    let pad = 75usize.saturating_sub(ename.len() + 33).max(1);
    out.push(format!(
        "{RED}{ename}{RESET}{}Traceback (most recent call last)",
        " ".repeat(pad)
    ));
    let frames: Vec<&TbEntry> = e.tb.iter().rev().collect();
    let mut i = 0;
    while i < frames.len() {
        let f = frames[i];
        let mut j = i + 1;
        while j < frames.len()
            && frames[j].line == f.line
            && frames[j].func == f.func
            && Arc::ptr_eq(&frames[j].source, &f.source)
        {
            j += 1;
        }
        let n = j - i;
        if n > 3 {
            out.push(render_frame(f));
            out.push(format!(
                "    [... skipping similar frames: {} at line {} ({} times)]",
                f.func.as_deref().unwrap_or("<module>"),
                f.line,
                n - 2
            ));
            out.push(render_frame(frames[j - 1]));
        } else {
            for fr in &frames[i..j] {
                out.push(render_frame(fr));
            }
        }
        i = j;
    }
    if evalue.is_empty() {
        out.push(format!("{RED}{ename}{RESET}: "));
    } else {
        out.push(format!("{RED}{ename}{RESET}: {evalue}"));
    }
}

/// IPython-style traceback lines, last one `ename: evalue`.
pub fn render(e: &PyErr, ename: &str, evalue: &str) -> Vec<String> {
    let mut out = Vec::new();
    render_one(e, ename, evalue, &mut out);
    out
}
