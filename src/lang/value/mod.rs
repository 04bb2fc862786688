//! Dialect values: a small enum with `Arc`-shared heap data, `Send + Sync` so user
//! functions and their data can be used from scheduler threads (no GIL).

pub mod class;
pub mod dict;
pub mod function;
pub mod object;

pub use arcstr::ArcStr;
use parking_lot::{Mutex, RwLock};
use std::sync::Arc;

pub use class::{Class, Instance};
pub use dict::{DictMap, HashKey, SetMap};
pub use function::{Builtin, BuiltinFn, Cell, Function, Globals, Module};
pub use object::Object;

/// A dialect value. Cheap to clone (heap data is shared through `Arc`).
/// Every payload is one thin pointer or word, so a value is 16 bytes and a
/// `PyResult<Value>` comes back from `eval` in two registers (checked by a
/// test below).
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// A 64-bit integer; overflow raises `OverflowError`.
    Int(i64),
    /// A float.
    Float(f64),
    /// An immutable string.
    Str(ArcStr),
    /// A mutable list.
    List(Arc<RwLock<Vec<Value>>>),
    /// An immutable tuple.
    Tuple(Arc<Vec<Value>>),
    /// An insertion-ordered dict.
    Dict(Arc<RwLock<DictMap>>),
    /// A set (insertion-ordered).
    Set(Arc<RwLock<SetMap>>),
    /// `range(start, stop, step)`.
    Range(Arc<[i64; 3]>),
    /// `slice(start, stop, step)`.
    Slice(Arc<[Value; 3]>),
    /// A user function (or lambda).
    Func(Arc<Function>),
    /// A native function.
    Builtin(Arc<Builtin>),
    /// A method bound to its receiver: `(self, function)`.
    Method(Arc<(Value, Value)>),
    /// A module.
    Module(Arc<Module>),
    /// A class (user classes and built-in exception classes).
    Class(Arc<Class>),
    /// An instance of a user class or exception.
    Instance(Arc<Instance>),
    /// An iterator (generator expressions, `iter()`, `map`, `zip`, ...).
    Iter(Arc<Mutex<IterState>>),
    /// A library object (arrays, delayed values, ...).
    Object(Arc<Box<dyn Object>>),
    /// `...`.
    Ellipsis,
    /// `NotImplemented`.
    NotImplemented,
}

/// The state of an iterator value: a queue of already-produced items, or a native iterator.
pub enum IterState {
    /// Items materialised eagerly (comprehensions, `zip`, ...), consumed from the front.
    Items(std::collections::VecDeque<Value>),
    /// A lazy native iterator (e.g. `itertools.count`).
    Native(Box<dyn Iterator<Item = Value> + Send + Sync>),
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::lang::repr::repr_simple(self))
    }
}

impl Value {
    /// A str value.
    pub fn str(s: &str) -> Value {
        Value::Str(ArcStr::from(s))
    }

    /// A new list value.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Arc::new(RwLock::new(v)))
    }

    /// A new tuple value.
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(v))
    }

    /// A new dict value.
    pub fn dict(d: DictMap) -> Value {
        Value::Dict(Arc::new(RwLock::new(d)))
    }

    /// Wrap a library object.
    pub fn object(o: impl Object + 'static) -> Value {
        Value::Object(Arc::new(Box::new(o)))
    }

    /// An iterator over already-computed items.
    pub fn iter_of(items: Vec<Value>) -> Value {
        Value::Iter(Arc::new(Mutex::new(IterState::Items(items.into()))))
    }

    /// The type name as `type(x).__name__` shows it.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::Range(_) => "range".into(),
            Value::Slice(_) => "slice".into(),
            Value::Func(_) => "function".into(),
            Value::Builtin(_) => "builtin_function_or_method".into(),
            Value::Method(_) => "method".into(),
            Value::Module(_) => "module".into(),
            Value::Class(_) => "type".into(),
            Value::Instance(i) => i.class.name.to_string(),
            Value::Iter(_) => "iterator".into(),
            Value::Object(o) => o.type_name(),
            Value::Ellipsis => "ellipsis".into(),
            Value::NotImplemented => "NotImplementedType".into(),
        }
    }

    /// A clone that copies the immediate variants inline (the derived `clone`
    /// is an out-of-line call even for an int); used on the interpreter's hot
    /// paths.
    #[inline(always)]
    pub fn clone_fast(&self) -> Value {
        match self {
            Value::Int(i) => Value::Int(*i),
            Value::Float(x) => Value::Float(*x),
            Value::Bool(b) => Value::Bool(*b),
            Value::None => Value::None,
            other => other.clone(),
        }
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same variant and same heap object (or equal immediate value).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => ArcStr::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            _ => match (self.ptr_id(), other.ptr_id()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// Whether calling this value can work (`callable(v)`).
    pub fn is_callable(&self) -> bool {
        match self {
            Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
            Value::Instance(i) => i.class.lookup("__call__").is_some(),
            Value::Object(o) => o.is_callable(),
            _ => false,
        }
    }

    /// The address of the heap object, for `id()` and identity hashing.
    pub fn ptr_id(&self) -> Option<usize> {
        Some(match self {
            Value::Str(a) => a.as_ptr() as usize,
            Value::List(a) => Arc::as_ptr(a) as usize,
            Value::Tuple(a) => Arc::as_ptr(a) as usize,
            Value::Dict(a) => Arc::as_ptr(a) as usize,
            Value::Set(a) => Arc::as_ptr(a) as usize,
            Value::Range(a) => Arc::as_ptr(a) as usize,
            Value::Slice(a) => Arc::as_ptr(a) as usize,
            Value::Func(a) => Arc::as_ptr(a) as usize,
            Value::Builtin(a) => Arc::as_ptr(a) as usize,
            Value::Method(a) => Arc::as_ptr(a) as usize,
            Value::Module(a) => Arc::as_ptr(a) as usize,
            Value::Class(a) => Arc::as_ptr(a) as usize,
            Value::Instance(a) => Arc::as_ptr(a) as usize,
            Value::Iter(a) => Arc::as_ptr(a) as usize,
            Value::Object(a) => Arc::as_ptr(a) as usize,
            _ => return Option::None,
        })
    }

    /// Python truthiness for values that need no user code (`__len__`/`__bool__` handled by the VM).
    pub fn truthy_simple(&self) -> Option<bool> {
        Some(match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.read().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.read().is_empty(),
            Value::Set(s) => !s.read().is_empty(),
            Value::Range(r) => crate::lang::builtins::range_len(r) > 0,
            Value::Object(_) => return Option::None,
            Value::Instance(_) => return Option::None,
            _ => true,
        })
    }

    /// The str payload, if this is a str.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => Option::None,
        }
    }
}

#[cfg(test)]
mod size_tests {
    use super::Value;
    use crate::lang::exc::PyResult;

    /// Two words fit the return registers; a third would send every `eval`
    /// result through memory.
    #[test]
    fn a_value_its_result_and_an_empty_slot_are_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<PyResult<Value>>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
