//! Callables and namespaces: user functions, closure cells, native builtins, modules, globals.

use super::Value;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::PyResult;
use crate::lang::ir::Code;
use arcstr::ArcStr;
use indexmap::IndexMap;
use parking_lot::RwLock;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A closure cell shared between a defining frame and inner functions.
#[derive(Default)]
pub struct Cell(pub RwLock<Option<Value>>);

impl Cell {
    /// A new cell holding `v`.
    pub fn new(v: Option<Value>) -> Arc<Cell> {
        Arc::new(Cell(RwLock::new(v)))
    }
}

/// A user-defined function: compiled code + defaults + captured cells + its globals.
pub struct Function {
    /// Pre-processed, shared body.
    pub code: Arc<Code>,
    /// Defaults of positional parameters (aligned to the last ones).
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by parameter index.
    pub kwdefaults: Vec<Option<Value>>,
    /// Captured closure cells (the code's free variables).
    pub closure: Vec<Arc<Cell>>,
    /// The module globals the function resolves names in.
    pub globals: Arc<Globals>,
    /// Attributes set on the function object (`f.x = 1`).
    pub attrs: RwLock<FxHashMap<ArcStr, Value>>,
}

/// The signature of a native function.
pub type BuiltinFn = Arc<dyn Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync>;

/// A native function (builtins, module members, methods of built-in types).
pub struct Builtin {
    /// `__name__`.
    pub name: ArcStr,
    /// The implementation.
    pub f: BuiltinFn,
    /// Signature text for inspection, e.g. `print(*args, sep=' ', end='\n')`.
    pub sig: ArcStr,
    /// Docstring for inspection.
    pub doc: ArcStr,
    /// Whether this is a type constructor (`int`, `list`): repr `<class 'int'>`.
    pub is_type: bool,
}

impl Builtin {
    /// Wrap a closure as a builtin value.
    pub fn value(
        name: &str,
        sig: &str,
        doc: &str,
        f: impl Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync + 'static,
    ) -> Value {
        Value::Builtin(Arc::new(Builtin {
            name: ArcStr::from(name),
            f: Arc::new(f),
            sig: ArcStr::from(sig),
            doc: ArcStr::from(doc),
            is_type: false,
        }))
    }

    /// Wrap a closure as a built-in type constructor (`int`, `list`, ...).
    pub fn type_value(
        name: &str,
        sig: &str,
        doc: &str,
        f: impl Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync + 'static,
    ) -> Value {
        Value::Builtin(Arc::new(Builtin {
            name: ArcStr::from(name),
            f: Arc::new(f),
            sig: ArcStr::from(sig),
            doc: ArcStr::from(doc),
            is_type: true,
        }))
    }
}

/// A module: a named attribute table.
pub struct Module {
    /// Dotted name, e.g. `os.path`.
    pub name: ArcStr,
    /// Members in definition order.
    pub attrs: RwLock<IndexMap<ArcStr, Value>>,
    /// Docstring.
    pub doc: ArcStr,
}

impl Module {
    /// A new empty module.
    pub fn new(name: &str, doc: &str) -> Module {
        Module {
            name: ArcStr::from(name),
            attrs: RwLock::new(IndexMap::new()),
            doc: ArcStr::from(doc),
        }
    }

    /// Add a member.
    pub fn set(&self, name: &str, v: Value) {
        self.attrs.write().insert(ArcStr::from(name), v);
    }

    /// Add a native function member.
    pub fn func(
        &self,
        name: &str,
        sig: &str,
        doc: &str,
        f: impl Fn(&mut Vm, Args) -> PyResult<Value> + Send + Sync + 'static,
    ) {
        self.set(name, Builtin::value(name, sig, doc, f));
    }

    /// Look up a member.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.attrs.read().get(name).cloned()
    }
}

/// Module-level variables: names are resolved to slot indices at compile time.
#[derive(Default)]
pub struct Globals {
    /// The table (short lock holds only).
    pub table: RwLock<GlobalTable>,
}

/// Name → slot mapping plus the slot values.
#[derive(Default)]
pub struct GlobalTable {
    /// Name → slot index.
    pub index: FxHashMap<ArcStr, usize>,
    /// Slot index → name.
    pub names: Vec<ArcStr>,
    /// Slot values (`None` = unbound).
    pub values: Vec<Option<Value>>,
}

impl Globals {
    /// The slot of `name`, creating an unbound one if needed.
    pub fn slot(&self, name: &str) -> usize {
        if let Some(i) = self.table.read().index.get(name) {
            return *i;
        }
        let mut t = self.table.write();
        if let Some(i) = t.index.get(name) {
            return *i;
        }
        let i = t.values.len();
        let n: ArcStr = ArcStr::from(name);
        t.index.insert(n.clone(), i);
        t.names.push(n);
        t.values.push(None);
        i
    }

    /// Read a slot.
    #[inline]
    pub fn get_slot(&self, i: usize) -> Option<Value> {
        self.table.read().values[i].clone()
    }

    /// Write a slot (`None` unbinds).
    #[inline]
    pub fn set_slot(&self, i: usize, v: Option<Value>) {
        self.table.write().values[i] = v;
    }

    /// Read by name.
    pub fn get(&self, name: &str) -> Option<Value> {
        let t = self.table.read();
        t.index.get(name).and_then(|i| t.values[*i].clone())
    }

    /// Write by name.
    pub fn set(&self, name: &str, v: Value) {
        let i = self.slot(name);
        self.set_slot(i, Some(v));
    }

    /// Bound names, sorted.
    pub fn names(&self) -> Vec<String> {
        let t = self.table.read();
        let mut v: Vec<String> = t
            .names
            .iter()
            .zip(t.values.iter())
            .filter(|(_, v)| v.is_some())
            .map(|(n, _)| n.to_string())
            .collect();
        v.sort();
        v
    }

    /// Unbind every name (for `%reset`).
    pub fn clear(&self) {
        for v in self.table.write().values.iter_mut() {
            *v = None;
        }
    }
}
