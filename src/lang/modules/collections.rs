//! `collections` (defaultdict, Counter, OrderedDict) and `collections.abc` base classes.

use super::new_module;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::PyResult;
use crate::lang::ops;
use crate::lang::value::{Class, DictMap, Object, Value};
use parking_lot::RwLock;
use std::any::Any;
use std::sync::Arc;

/// A dict with behaviour on missing keys: `defaultdict(factory)` or `Counter`.
pub struct DictLike {
    /// `Some(factory)` for defaultdict, `None` for Counter (missing → 0).
    factory: Option<Value>,
    /// The shared storage (also viewable as a plain `dict` value).
    pub map: Arc<RwLock<DictMap>>,
}

impl DictLike {
    fn as_dict(&self) -> Value {
        Value::Dict(self.map.clone())
    }
}

impl Object for DictLike {
    fn type_name(&self) -> String {
        if self.factory.is_some() {
            "defaultdict"
        } else {
            "Counter"
        }
        .into()
    }
    fn repr(&self) -> String {
        let inner = crate::lang::repr::repr_simple(&self.as_dict());
        match &self.factory {
            Some(f) => format!(
                "defaultdict({}, {inner})",
                crate::lang::repr::repr_simple(f)
            ),
            None if self.map.read().is_empty() => "Counter()".into(),
            None => {
                let mut items: Vec<(Value, Value)> = self.map.read().values().cloned().collect();
                items.sort_by(|a, b| match (&b.1, &a.1) {
                    (Value::Int(x), Value::Int(y)) => x.cmp(y),
                    _ => std::cmp::Ordering::Equal,
                });
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{}: {}",
                            crate::lang::repr::repr_simple(k),
                            crate::lang::repr::repr_simple(v)
                        )
                    })
                    .collect();
                format!("Counter({{{}}})", parts.join(", "))
            }
        }
    }
    fn getitem(&self, vm: &mut Vm, key: &Value) -> Option<PyResult<Value>> {
        Some((|| {
            let k = vm.hash_key(key)?;
            if let Some((_, v)) = self.map.read().get(&k) {
                return Ok(v.clone());
            }
            let v = match &self.factory {
                Some(f) => vm.call_value(f, Args::default())?,
                None => return Ok(Value::Int(0)),
            };
            self.map.write().insert(k, (key.clone(), v.clone()));
            Ok(v)
        })())
    }
    fn setitem(&self, vm: &mut Vm, key: &Value, v: Value) -> Option<PyResult<()>> {
        Some(ops::setitem(vm, &self.as_dict(), key, v))
    }
    fn getattr(&self, vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
        if name == "most_common" && self.factory.is_none() {
            let map = self.map.clone();
            return Some(Ok(crate::lang::value::Builtin::value(
                "most_common",
                "most_common(n=None)",
                "List the n most common elements and their counts.",
                move |_vm, a| {
                    let mut items: Vec<(Value, Value)> = map.read().values().cloned().collect();
                    items.sort_by(|a, b| match (&b.1, &a.1) {
                        (Value::Int(x), Value::Int(y)) => x.cmp(y),
                        _ => std::cmp::Ordering::Equal,
                    });
                    if let Some(Value::Int(n)) = a.pos.first() {
                        items.truncate((*n).max(0) as usize);
                    }
                    Ok(Value::list(
                        items
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect(),
                    ))
                },
            )));
        }
        let d = self.as_dict();
        Some(vm.getattr(&d, name))
    }
    fn dir(&self) -> Vec<String> {
        crate::lang::methods::names(&self.as_dict())
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(Ok(self
            .map
            .read()
            .values()
            .map(|(k, _)| k.clone())
            .collect()))
    }
    fn len(&self) -> Option<usize> {
        Some(self.map.read().len())
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(Ok(!self.map.read().is_empty()))
    }
    fn compare(&self, vm: &mut Vm, op: &str, other: &Value) -> Option<PyResult<Value>> {
        if op != "==" && op != "!=" {
            return None;
        }
        let eq = ops::values_eq(vm, &self.as_dict(), other);
        Some(eq.map(|e| Value::Bool(if op == "==" { e } else { !e })))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The plain dict behind a defaultdict/Counter value, for `dict(x)` and friends.
pub fn dict_of_object(v: &Value) -> Option<Value> {
    match v {
        Value::Object(o) => o
            .as_any()
            .downcast_ref::<DictLike>()
            .map(|d| Value::Dict(d.map.clone())),
        _ => None,
    }
}

pub(super) fn abc() -> Value {
    let m = new_module("collections.abc", "Abstract base classes for containers.");
    for n in [
        "Iterable",
        "Iterator",
        "Sized",
        "Container",
        "Collection",
        "Sequence",
        "MutableSequence",
        "Mapping",
        "MutableMapping",
        "Set",
        "Callable",
        "Hashable",
        "Generator",
        "Reversible",
    ] {
        m.set(
            n,
            Value::Class(Class::new(n, vec![], false, "collections.abc")),
        );
    }
    Value::Module(m)
}

pub(super) fn build() -> Value {
    let m = new_module("collections", "Specialized container datatypes.");
    m.set("abc", abc());
    if let Some(d) = crate::lang::builtins::lookup("dict") {
        m.set("OrderedDict", d);
    }
    m.func(
        "defaultdict",
        "defaultdict(default_factory=None, /, [...])",
        "dict subclass that calls a factory function to supply missing values.",
        |vm, mut a| {
            let factory = if a.pos.is_empty() {
                Value::None
            } else {
                a.pos.remove(0)
            };
            let init = crate::lang::builtins::make_dict_pub(vm, a)?;
            let Value::Dict(map) = init else {
                unreachable!("make_dict returns a dict")
            };
            Ok(Value::object(DictLike {
                factory: Some(factory),
                map,
            }))
        },
    );
    m.func(
        "Counter",
        "Counter(iterable=None, /, **kwds)",
        "Dict subclass for counting hashable items.",
        |vm, a| {
            let map = Arc::new(RwLock::new(crate::lang::value::dict::new_dict()));
            if let Some(src) = a.pos.first() {
                if let Value::Dict(d) = src {
                    *map.write() = d.read().clone();
                } else {
                    for x in vm.iterate(src)? {
                        let k = vm.hash_key(&x)?;
                        let mut w = map.write();
                        let e = w.entry(k).or_insert((x, Value::Int(0)));
                        if let Value::Int(n) = &mut e.1 {
                            *n += 1;
                        }
                    }
                }
            }
            Ok(Value::object(DictLike { factory: None, map }))
        },
    );
    Value::Module(m)
}
