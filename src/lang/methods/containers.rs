//! Methods of list, tuple, int and float (the shared `add` helper lives here).

use super::{recv, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ops;
use crate::lang::value::{Builtin, Value};
use parking_lot::RwLock;
use std::sync::Arc;

pub(super) fn add(
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
            a.exact("list.append", 1)?;
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
            a.exact("list.extend", 1)?;
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
            a.exact("list.remove", 1)?;
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
            a.exact("list.count", 1)?;
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
