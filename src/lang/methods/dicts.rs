//! Methods of dict and set, and the dict views.

use super::containers::add;
use super::Table;
use crate::lang::eval::Vm;
use crate::lang::exc::{self, PyResult};
use crate::lang::repr::repr_with;
use crate::lang::value::dict::new_set;
use crate::lang::value::{Object, Value};
use parking_lot::RwLock;
use std::any::Any;
use std::sync::Arc;

/// A snapshot view returned by `dict.keys()/values()/items()`.
pub struct DictView {
    /// `dict_keys`, `dict_values` or `dict_items`.
    pub kind: &'static str,
    /// The items at the time of the call.
    pub items: Vec<Value>,
}

impl Object for DictView {
    fn type_name(&self) -> String {
        self.kind.to_string()
    }
    fn repr(&self) -> String {
        let mut none = |_: &Value, _: bool| -> PyResult<Option<String>> { Ok(None) };
        let inner = repr_with(&Value::list(self.items.clone()), &mut none, 0).unwrap_or_default();
        format!("{}({inner})", self.kind)
    }
    fn iter(&self, _vm: &mut Vm) -> Option<PyResult<Vec<Value>>> {
        Some(Ok(self.items.clone()))
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.len())
    }
    fn truthiness(&self) -> Option<PyResult<bool>> {
        Some(Ok(!self.items.is_empty()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn dict_of(v: &Value) -> &Arc<RwLock<crate::lang::value::DictMap>> {
    match v {
        Value::Dict(d) => d,
        _ => unreachable!("receiver checked"),
    }
}

pub(super) fn dict_table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "dict",
        "get",
        "(key, default=None, /)",
        "Return the value for key if key is in the dictionary, else default.",
        |vm, d, a| {
            if !a.kw.is_empty() {
                return Err(exc::type_error("dict.get() takes no keyword arguments"));
            }
            match a.pos.len() {
                0 => return Err(exc::type_error("get expected at least 1 argument, got 0")),
                1 | 2 => {}
                n => {
                    return Err(exc::type_error(format!(
                        "get expected at most 2 arguments, got {n}"
                    )))
                }
            }
            let k = vm.hash_key(&a.pos[0])?;
            let found = dict_of(&d).read().get(&k).map(|x| x.1.clone());
            Ok(found.unwrap_or_else(|| a.pos.get(1).cloned().unwrap_or(Value::None)))
        },
    );
    add(
        &mut t,
        "dict",
        "keys",
        "()",
        "A view of the dictionary's keys.",
        |_vm, d, _a| {
            let items = dict_of(&d).read().values().map(|x| x.0.clone()).collect();
            Ok(Value::object(DictView {
                kind: "dict_keys",
                items,
            }))
        },
    );
    add(
        &mut t,
        "dict",
        "values",
        "()",
        "A view of the dictionary's values.",
        |_vm, d, _a| {
            let items = dict_of(&d).read().values().map(|x| x.1.clone()).collect();
            Ok(Value::object(DictView {
                kind: "dict_values",
                items,
            }))
        },
    );
    add(
        &mut t,
        "dict",
        "items",
        "()",
        "A view of the dictionary's (key, value) pairs.",
        |_vm, d, _a| {
            let items = dict_of(&d)
                .read()
                .values()
                .map(|x| Value::tuple(vec![x.0.clone(), x.1.clone()]))
                .collect();
            Ok(Value::object(DictView {
                kind: "dict_items",
                items,
            }))
        },
    );
    add(
        &mut t,
        "dict",
        "pop",
        "(key, default=<unrepresentable>, /)",
        "Remove specified key and return the corresponding value.",
        |vm, d, a| {
            let key = a.pos.first().cloned().unwrap_or(Value::None);
            let k = vm.hash_key(&key)?;
            let r = dict_of(&d).write().shift_remove(&k);
            match r {
                Some((_, v)) => Ok(v),
                None => match a.pos.get(1) {
                    Some(def) => Ok(def.clone()),
                    None => Err(exc::key_error(&key)),
                },
            }
        },
    );
    add(
        &mut t,
        "dict",
        "popitem",
        "()",
        "Remove and return a (key, value) pair as a 2-tuple (LIFO).",
        |_vm, d, _a| match dict_of(&d).write().pop() {
            Some((_, (k, v))) => Ok(Value::tuple(vec![k, v])),
            None => Err(exc::new("KeyError", "popitem(): dictionary is empty")),
        },
    );
    add(
        &mut t,
        "dict",
        "setdefault",
        "(key, default=None, /)",
        "Insert key with a value of default if key is not in the dictionary.",
        |vm, d, a| {
            let key = a.pos.first().cloned().unwrap_or(Value::None);
            let def = a.pos.get(1).cloned().unwrap_or(Value::None);
            let k = vm.hash_key(&key)?;
            let mut w = dict_of(&d).write();
            Ok(w.entry(k).or_insert((key, def)).1.clone())
        },
    );
    add(
        &mut t,
        "dict",
        "update",
        "([E, ]**F)",
        "Update the dictionary from a mapping/iterable and keywords.",
        |vm, d, a| {
            let other = crate::lang::builtins::make_dict_pub(vm, a)?;
            if let Value::Dict(o) = other {
                let items: Vec<_> = o
                    .read()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let mut w = dict_of(&d).write();
                for (k, (kv, v)) in items {
                    match w.get_mut(&k) {
                        Some(slot) => slot.1 = v,
                        None => {
                            w.insert(k, (kv, v));
                        }
                    }
                }
            }
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "dict",
        "clear",
        "()",
        "Remove all items from the dictionary.",
        |_vm, d, _a| {
            dict_of(&d).write().clear();
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "dict",
        "copy",
        "()",
        "Return a shallow copy of the dictionary.",
        |_vm, d, _a| Ok(Value::dict(dict_of(&d).read().clone())),
    );
    t
}

fn set_of(v: &Value) -> &Arc<RwLock<crate::lang::value::SetMap>> {
    match v {
        Value::Set(s) => s,
        _ => unreachable!("receiver checked"),
    }
}

fn set_from(vm: &mut Vm, v: &Value) -> PyResult<crate::lang::value::SetMap> {
    if let Value::Set(s) = v {
        return Ok(s.read().clone());
    }
    let mut out = new_set();
    for x in vm.iterate(v)? {
        let k = vm.hash_key(&x)?;
        out.entry(k).or_insert(x);
    }
    Ok(out)
}

pub(super) fn set_table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "set",
        "add",
        "(elem, /)",
        "Add an element to a set.",
        |vm, s, a| {
            a.exact("set.add", 1)?;
            let k = vm.hash_key(&a.pos[0])?;
            set_of(&s).write().entry(k).or_insert(a.pos[0].clone());
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "set",
        "remove",
        "(elem, /)",
        "Remove an element from a set; it must be a member.",
        |vm, s, a| {
            a.exact("set.remove", 1)?;
            let k = vm.hash_key(&a.pos[0])?;
            if set_of(&s).write().shift_remove(&k).is_none() {
                return Err(exc::key_error(&a.pos[0]));
            }
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "set",
        "discard",
        "(elem, /)",
        "Remove an element from a set if it is a member.",
        |vm, s, a| {
            a.exact("set.discard", 1)?;
            let k = vm.hash_key(&a.pos[0])?;
            set_of(&s).write().shift_remove(&k);
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "set",
        "pop",
        "()",
        "Remove and return an arbitrary set element.",
        |_vm, s, _a| {
            let mut w = set_of(&s).write();
            match w.shift_remove_index(0) {
                Some((_, v)) => Ok(v),
                None => Err(exc::new("KeyError", "pop from an empty set")),
            }
        },
    );
    add(
        &mut t,
        "set",
        "clear",
        "()",
        "Remove all elements from this set.",
        |_vm, s, _a| {
            set_of(&s).write().clear();
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "set",
        "copy",
        "()",
        "Return a shallow copy of a set.",
        |_vm, s, _a| Ok(Value::Set(Arc::new(RwLock::new(set_of(&s).read().clone())))),
    );
    add(
        &mut t,
        "set",
        "update",
        "(*others)",
        "Update a set with the union of itself and others.",
        |vm, s, a| {
            for o in &a.pos {
                let other = set_from(vm, o)?;
                let mut w = set_of(&s).write();
                for (k, v) in other {
                    w.entry(k).or_insert(v);
                }
            }
            Ok(Value::None)
        },
    );
    for (name, op) in [
        ("union", SetOp::Union),
        ("intersection", SetOp::Inter),
        ("difference", SetOp::Diff),
        ("symmetric_difference", SetOp::Sym),
    ] {
        add(
            &mut t,
            "set",
            name,
            "(*others)",
            "Return a new set combining this set with others.",
            move |vm, s, a| {
                let mut cur = set_of(&s).read().clone();
                for o in &a.pos {
                    let other = set_from(vm, o)?;
                    let mut out = new_set();
                    match op {
                        SetOp::Union => {
                            out = cur.clone();
                            for (k, v) in other {
                                out.entry(k).or_insert(v);
                            }
                        }
                        SetOp::Inter => {
                            for (k, v) in cur.iter() {
                                if other.contains_key(k) {
                                    out.insert(k.clone(), v.clone());
                                }
                            }
                        }
                        SetOp::Diff => {
                            for (k, v) in cur.iter() {
                                if !other.contains_key(k) {
                                    out.insert(k.clone(), v.clone());
                                }
                            }
                        }
                        SetOp::Sym => {
                            // CPython copies `other`, then toggles this set's items in.
                            for (k, v) in other.iter() {
                                if !cur.contains_key(k) {
                                    out.insert(k.clone(), v.clone());
                                }
                            }
                            for (k, v) in cur.iter() {
                                if !other.contains_key(k) {
                                    out.insert(k.clone(), v.clone());
                                }
                            }
                        }
                    }
                    cur = out;
                }
                Ok(Value::Set(Arc::new(RwLock::new(cur))))
            },
        );
    }
    add(
        &mut t,
        "set",
        "issubset",
        "(other, /)",
        "Report whether another set contains this set.",
        |vm, s, a| {
            let other = set_from(vm, a.pos.first().unwrap_or(&Value::None))?;
            Ok(Value::Bool(
                set_of(&s).read().keys().all(|k| other.contains_key(k)),
            ))
        },
    );
    add(
        &mut t,
        "set",
        "issuperset",
        "(other, /)",
        "Report whether this set contains another set.",
        |vm, s, a| {
            let other = set_from(vm, a.pos.first().unwrap_or(&Value::None))?;
            let me = set_of(&s).read();
            Ok(Value::Bool(other.keys().all(|k| me.contains_key(k))))
        },
    );
    add(
        &mut t,
        "set",
        "isdisjoint",
        "(other, /)",
        "Return True if two sets have a null intersection.",
        |vm, s, a| {
            let other = set_from(vm, a.pos.first().unwrap_or(&Value::None))?;
            Ok(Value::Bool(
                !set_of(&s).read().keys().any(|k| other.contains_key(k)),
            ))
        },
    );
    t
}

#[derive(Clone, Copy)]
enum SetOp {
    Union,
    Inter,
    Diff,
    Sym,
}
