//! Methods of list, dict, set, tuple, int and float, and the dict views.

use super::{recv, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ops;
use crate::lang::repr::repr_with;
use crate::lang::value::dict::new_set;
use crate::lang::value::{Builtin, Object, Value};
use parking_lot::RwLock;
use std::any::Any;
use std::sync::Arc;

fn add(
    t: &mut Table,
    ty: &'static str,
    name: &'static str,
    sig: &str,
    doc: &str,
    f: impl Fn(&mut Vm, Value, Args) -> PyResult<Value> + Send + Sync + 'static,
) {
    let tn = ty;
    t.insert(
        name,
        Builtin::value(name, &format!("{ty}.{name}{sig}"), doc, move |vm, mut a| {
            recv(&a, name)?;
            let r = a.pos.remove(0);
            if super::value_kind(&r) != Some(tn) {
                return Err(exc::type_error(format!(
                    "descriptor '{name}' for '{tn}' objects doesn't apply to a '{}' object",
                    r.type_name()
                )));
            }
            f(vm, r, a)
        }),
    );
}

fn list_of(v: &Value) -> &Arc<RwLock<Vec<Value>>> {
    match v {
        Value::List(l) => l,
        _ => unreachable!("receiver checked"),
    }
}

fn index_in(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<Option<usize>> {
    for (i, y) in items.iter().enumerate() {
        if y.is(x) || ops::values_eq(vm, y, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

pub(super) fn list_table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "list",
        "append",
        "(object, /)",
        "Append object to the end of the list.",
        |_vm, l, a| {
            a.exact("append", 1)?;
            list_of(&l).write().push(a.pos[0].clone());
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "list",
        "extend",
        "(iterable, /)",
        "Extend list by appending elements from the iterable.",
        |vm, l, a| {
            a.exact("extend", 1)?;
            let items = vm.iterate(&a.pos[0])?;
            list_of(&l).write().extend(items);
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "list",
        "insert",
        "(index, object, /)",
        "Insert object before index.",
        |_vm, l, a| {
            a.exact("insert", 2)?;
            let i = crate::lang::builtins::to_int(&a.pos[0], "")?;
            let mut w = list_of(&l).write();
            let n = w.len() as i64;
            let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            w.insert(j, a.pos[1].clone());
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "list",
        "pop",
        "(index=-1, /)",
        "Remove and return item at index (default last).",
        |_vm, l, a| {
            let i = match a.pos.first() {
                Some(v) => crate::lang::builtins::to_int(v, "")?,
                None => -1,
            };
            let mut w = list_of(&l).write();
            if w.is_empty() {
                return Err(exc::new("IndexError", "pop from empty list"));
            }
            match ops::norm_index(i, w.len()) {
                Some(j) => Ok(w.remove(j)),
                None => Err(exc::new("IndexError", "pop index out of range")),
            }
        },
    );
    add(
        &mut t,
        "list",
        "remove",
        "(value, /)",
        "Remove first occurrence of value.",
        |vm, l, a| {
            a.exact("remove", 1)?;
            let items = list_of(&l).read().clone();
            match index_in(vm, &items, &a.pos[0])? {
                Some(i) => {
                    list_of(&l).write().remove(i);
                    Ok(Value::None)
                }
                None => Err(exc::value_error("list.remove(x): x not in list")),
            }
        },
    );
    add(
        &mut t,
        "list",
        "index",
        "(value, start=0, stop=sys.maxsize, /)",
        "Return first index of value.",
        |vm, l, a| {
            let items = list_of(&l).read().clone();
            let x = a.pos.first().cloned().unwrap_or(Value::None);
            match index_in(vm, &items, &x)? {
                Some(i) => Ok(Value::Int(i as i64)),
                None => Err(exc::value_error(format!("{} is not in list", vm.repr(&x)?))),
            }
        },
    );
    add(
        &mut t,
        "list",
        "count",
        "(value, /)",
        "Return number of occurrences of value.",
        |vm, l, a| {
            a.exact("count", 1)?;
            let items = list_of(&l).read().clone();
            let mut n = 0;
            for y in &items {
                if y.is(&a.pos[0]) || ops::values_eq(vm, y, &a.pos[0])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        },
    );
    add(
        &mut t,
        "list",
        "sort",
        "(*, key=None, reverse=False)",
        "Sort the list in ascending order and return None.",
        |vm, l, mut a| {
            let key = a.take_kw("key");
            let rev = match a.take_kw("reverse") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            a.exact("sort", 0)?;
            let mut items = list_of(&l).read().clone();
            ops::sort_values(vm, &mut items, key.as_ref(), rev)?;
            *list_of(&l).write() = items;
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "list",
        "reverse",
        "()",
        "Reverse *IN PLACE*.",
        |_vm, l, _a| {
            list_of(&l).write().reverse();
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "list",
        "clear",
        "()",
        "Remove all items from list.",
        |_vm, l, _a| {
            list_of(&l).write().clear();
            Ok(Value::None)
        },
    );
    add(
        &mut t,
        "list",
        "copy",
        "()",
        "Return a shallow copy of the list.",
        |_vm, l, _a| Ok(Value::list(list_of(&l).read().clone())),
    );
    t
}

pub(super) fn tuple_table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "tuple",
        "index",
        "(value, /)",
        "Return first index of value.",
        |vm, v, a| {
            let Value::Tuple(items) = v else {
                unreachable!("checked")
            };
            let x = a.pos.first().cloned().unwrap_or(Value::None);
            match index_in(vm, &items, &x)? {
                Some(i) => Ok(Value::Int(i as i64)),
                None => Err(exc::value_error("tuple.index(x): x not in tuple")),
            }
        },
    );
    add(
        &mut t,
        "tuple",
        "count",
        "(value, /)",
        "Return number of occurrences of value.",
        |vm, v, a| {
            let Value::Tuple(items) = v else {
                unreachable!("checked")
            };
            let x = a.pos.first().cloned().unwrap_or(Value::None);
            let mut n = 0;
            for y in items.iter() {
                if ops::values_eq(vm, y, &x)? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        },
    );
    t
}

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
            let k = vm.hash_key(a.pos.first().unwrap_or(&Value::None))?;
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
            a.exact("add", 1)?;
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
            a.exact("remove", 1)?;
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
            a.exact("discard", 1)?;
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

pub(super) fn int_table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "int",
        "bit_length",
        "()",
        "Number of bits necessary to represent self in binary.",
        |_vm, v, _a| {
            let i = crate::lang::builtins::to_int(&v, "")?;
            Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64))
        },
    );
    add(
        &mut t,
        "int",
        "conjugate",
        "()",
        "Returns self, the complex conjugate of any int.",
        |_vm, v, _a| Ok(v),
    );
    t
}

pub(super) fn float_table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "float",
        "is_integer",
        "()",
        "Return True if the float is an integer.",
        |_vm, v, _a| {
            let f = crate::lang::builtins::to_f64(&v)?;
            Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
        },
    );
    add(
        &mut t,
        "float",
        "as_integer_ratio",
        "()",
        "Return a pair of integers whose ratio is exactly equal to the float.",
        |_vm, v, _a| {
            let f = crate::lang::builtins::to_f64(&v)?;
            if !f.is_finite() {
                return Err(exc::new(
                    "OverflowError",
                    "cannot convert Infinity to integer ratio",
                ));
            }
            let (mut n, mut d) = (f, 1i64);
            while n.fract() != 0.0 && d < (1 << 52) {
                n *= 2.0;
                d *= 2;
            }
            Ok(Value::tuple(vec![Value::Int(n as i64), Value::Int(d)]))
        },
    );
    t
}
