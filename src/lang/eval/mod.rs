//! The evaluator: a per-thread `Vm` (context + recursion depth) walking `ir` trees.
//! Control flow (`break`/`continue`/`return`) travels as `Ctrl`, exceptions as `Ctrl::Exc`.

mod attr;
mod call;
mod expr;
mod hot;
mod iter;
mod stmt;

use super::exc::{self, PyErr, PyResult};
use super::ir::Code;
use super::value::{Cell, Globals, Value};
use super::ExecContext;
use arcstr::ArcStr;
use indexmap::IndexMap;
use parking_lot::RwLock;
use std::sync::Arc;

pub use call::Args;
pub use iter::{next_shared, PyIter};

/// Maximum dialect call depth before `RecursionError` (CPython's default limit).
pub const RECURSION_LIMIT: usize = 1000;

/// Non-local control flow out of a statement.
pub enum Ctrl {
    /// An exception.
    Exc(Box<PyErr>),
    /// `return value`.
    Return(Value),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
}

impl From<Box<PyErr>> for Ctrl {
    fn from(e: Box<PyErr>) -> Ctrl {
        Ctrl::Exc(e)
    }
}

/// Per-thread evaluation state. Create one per thread with `Vm::new(ctx)`; cheap.
pub struct Vm<'c> {
    /// Output sink and interrupt flag.
    pub ctx: &'c ExecContext,
    /// Current dialect call depth.
    pub depth: usize,
    /// Counter for polling the cancel flag cheaply in loops.
    pub(crate) tick: u32,
    /// Exceptions being handled (innermost last), for bare `raise`.
    #[allow(clippy::vec_box)]
    pub(crate) handling: Vec<Box<PyErr>>,
    /// Recycled local-slot vectors.
    pub(crate) pool: Vec<Vec<Option<Value>>>,
}

/// A namespace for class bodies.
pub type Ns = Arc<RwLock<IndexMap<ArcStr, Value>>>;

/// An activation: local slots, cells, the globals, and (for class bodies) a namespace.
pub struct Frame<'f> {
    /// Local slots.
    pub locals: Vec<Option<Value>>,
    /// Own cells followed by the closure's cells.
    pub cells: Vec<Arc<Cell>>,
    /// The module globals.
    pub globals: &'f Arc<Globals>,
    /// The code being run.
    pub code: &'f Code,
    /// Class-body namespace.
    pub ns: Option<Ns>,
    /// Values yielded so far (generator functions run eagerly).
    pub yields: Option<Vec<Value>>,
    /// Whether this is a function frame (tracebacks then name the function).
    pub is_func: bool,
}

impl<'c> Vm<'c> {
    /// A VM for one thread of execution.
    pub fn new(ctx: &'c ExecContext) -> Vm<'c> {
        Vm {
            ctx,
            depth: 0,
            tick: 0,
            handling: Vec::new(),
            pool: Vec::new(),
        }
    }

    /// Raise `KeyboardInterrupt` if the kernel asked to stop.
    #[inline]
    pub fn poll(&mut self) -> PyResult<()> {
        self.tick = self.tick.wrapping_add(1);
        if self.tick.is_multiple_of(256) && self.ctx.cancel.is_cancelled() {
            return Err(exc::interrupt());
        }
        Ok(())
    }

    /// Run module-level code in `globals`.
    pub fn run_module(&mut self, code: &Code, globals: &Arc<Globals>) -> PyResult<Option<Value>> {
        let mut frame = Frame {
            locals: vec![None; code.nlocals],
            cells: (0..code.ncells).map(|_| Cell::new(None)).collect(),
            globals,
            code,
            ns: None,
            yields: None,
            is_func: false,
        };
        let n = code.body.len();
        if n == 0 {
            return Ok(None);
        }
        let (last, init) = code.body.split_last().expect("non-empty");
        self.exec_block(&mut frame, init).map_err(ctrl_to_err)?;
        if let super::ir::StmtKind::Expr(e) = &last.kind {
            match self.eval(&mut frame, e) {
                Ok(v) => Ok(if v.is_none() { None } else { Some(v) }),
                Err(mut err) => {
                    record(&mut err, &frame, last.line);
                    Err(err)
                }
            }
        } else {
            self.exec_block(&mut frame, std::slice::from_ref(last))
                .map_err(ctrl_to_err)?;
            Ok(None)
        }
    }

    /// Python truthiness (calls `__bool__`/`__len__` on instances).
    #[inline]
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => self.truthy_general(v),
        }
    }

    #[inline(never)]
    fn truthy_general(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(b) = v.truthy_simple() {
            return Ok(b);
        }
        if let Value::Object(o) = v {
            return o.truthiness().unwrap_or(Ok(true));
        }
        if let Value::Instance(i) = v {
            if let Some(f) = i.class.lookup("__bool__") {
                let r = self.call_value(&f, Args::pos(vec![v.clone()]))?;
                return Ok(matches!(r, Value::Bool(true)));
            }
            if let Some(f) = i.class.lookup("__len__") {
                let r = self.call_value(&f, Args::pos(vec![v.clone()]))?;
                return Ok(!matches!(r, Value::Int(0)));
            }
        }
        Ok(true)
    }

    /// `repr(v)`, calling `__repr__` on instances.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let mut hook =
            |x: &Value, _: bool| -> PyResult<Option<String>> { self.user_repr(x, "__repr__") };
        super::repr::repr_with(v, &mut hook, 0)
    }

    /// `str(v)`, calling `__str__`/`__repr__` on instances.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) => {
                if i.class.lookup("__str__").is_some() {
                    if let Some(s) = self.user_repr(v, "__str__")? {
                        return Ok(s);
                    }
                }
                if i.class.is_exception() {
                    return Ok(exc::exc_str(v));
                }
                self.repr(v)
            }
            Value::Object(o) => Ok(o.str_()),
            _ => self.repr(v),
        }
    }

    fn user_repr(&mut self, v: &Value, name: &str) -> PyResult<Option<String>> {
        let Value::Instance(i) = v else {
            return Ok(None);
        };
        match i.class.lookup(name) {
            Some(f) => {
                let r = self.call_value(&f, Args::pos(vec![v.clone()]))?;
                match r {
                    Value::Str(s) => Ok(Some(s.to_string())),
                    other => Err(exc::type_error(format!(
                        "{name} returned non-string (type {})",
                        other.type_name()
                    ))),
                }
            }
            None => Ok(None),
        }
    }
}

/// Record the current frame's line on an exception once.
pub(crate) fn record(e: &mut PyErr, frame: &Frame<'_>, line: u32) {
    if !e.frame_done {
        e.tb.push(exc::TbEntry {
            source: frame.code.source.clone(),
            func: if frame.is_func {
                Some(ArcStr::from(
                    format!("{}{}", frame.code.name, frame.code.sig).as_str(),
                ))
            } else {
                None
            },
            line,
        });
        e.frame_done = true;
    }
}

fn ctrl_to_err(c: Ctrl) -> Box<PyErr> {
    match c {
        Ctrl::Exc(e) => e,
        Ctrl::Return(_) => exc::new("SyntaxError", "'return' outside function"),
        Ctrl::Break => exc::new("SyntaxError", "'break' outside loop"),
        Ctrl::Continue => exc::new("SyntaxError", "'continue' not properly in loop"),
    }
}
