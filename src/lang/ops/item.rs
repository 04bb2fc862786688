//! Subscripting: indexing and slicing of sequences, dict lookups, user `__getitem__`.

use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::Value;

fn idx_of(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// Normalise a possibly negative index; `None` when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        None
    } else {
        Some(j as usize)
    }
}

fn slice_part(v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        other => match idx_of(other) {
            Some(i) => Ok(Some(i)),
            None => Err(exc::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        },
    }
}

/// `(start, stop, step)` of a slice adjusted to a sequence of `len` items.
pub fn slice_adjust(s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
    let step = slice_part(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(exc::value_error("slice step cannot be zero"));
    }
    let n = len as i64;
    let adj = |v: Option<i64>, def: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => def,
            Some(mut x) => {
                if x < 0 {
                    x += n;
                    if x < lo {
                        x = lo;
                    }
                } else if x > hi {
                    x = hi;
                }
                x
            }
        }
    };
    Ok(if step > 0 {
        (
            adj(slice_part(&s[0])?, 0, 0, n),
            adj(slice_part(&s[1])?, n, 0, n),
            step,
        )
    } else {
        (
            adj(slice_part(&s[0])?, n - 1, -1, n - 1),
            adj(slice_part(&s[1])?, -1, -1, n - 1),
            step,
        )
    })
}

/// The indices a slice selects from a sequence of `len` items (CPython's adjust rules).
pub fn slice_indices(s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
    let step = slice_part(&s[2])?.unwrap_or(1);
    if step == 0 {
        return Err(exc::value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let adj = |v: Option<i64>, def: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => def,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < lo {
                        x = lo;
                    }
                } else if x > hi {
                    x = hi;
                }
                x
            }
        }
    };
    let (start, stop) = if step > 0 {
        (
            adj(slice_part(&s[0])?, 0, 0, len),
            adj(slice_part(&s[1])?, len, 0, len),
        )
    } else {
        (
            adj(slice_part(&s[0])?, len - 1, -1, len - 1),
            adj(slice_part(&s[1])?, -1, -1, len - 1),
        )
    };
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

fn seq_get(items: &[Value], key: &Value, what: &str) -> PyResult<Value> {
    if let Some(i) = idx_of(key) {
        return match norm_index(i, items.len()) {
            Some(j) => Ok(items[j].clone()),
            None => Err(exc::new("IndexError", format!("{what} index out of range"))),
        };
    }
    if let Value::Slice(s) = key {
        let idx = slice_indices(s, items.len())?;
        let v: Vec<Value> = idx.into_iter().map(|i| items[i].clone()).collect();
        return Ok(if what == "tuple" {
            Value::tuple(v)
        } else {
            Value::list(v)
        });
    }
    Err(exc::type_error(format!(
        "{what} indices must be integers or slices, not {}",
        key.type_name()
    )))
}

/// `obj[key]`.
pub fn getitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<Value> {
    match obj {
        Value::List(l) => {
            if let Some(i) = idx_of(key) {
                let l = l.read();
                return match norm_index(i, l.len()) {
                    Some(j) => Ok(l[j].clone()),
                    None => Err(exc::new("IndexError", "list index out of range")),
                };
            }
            let items = l.read().clone();
            seq_get(&items, key, "list")
        }
        Value::Tuple(t) => seq_get(t, key, "tuple"),
        Value::Str(s) => {
            if let Some(i) = idx_of(key) {
                let n = s.chars().count();
                return match norm_index(i, n) {
                    Some(j) => Ok(Value::str(&s.chars().nth(j).unwrap_or(' ').to_string())),
                    None => Err(exc::new("IndexError", "string index out of range")),
                };
            }
            if let Value::Slice(sl) = key {
                let chars: Vec<char> = s.chars().collect();
                let idx = slice_indices(sl, chars.len())?;
                return Ok(Value::str(
                    &idx.into_iter().map(|i| chars[i]).collect::<String>(),
                ));
            }
            Err(exc::type_error(format!(
                "string indices must be integers, not '{}'",
                key.type_name()
            )))
        }
        Value::Dict(d) => {
            let k = vm.hash_key(key)?;
            let found = d.read().get(&k).map(|(_, v)| v.clone());
            match found {
                Some(v) => Ok(v),
                None => Err(exc::key_error(key)),
            }
        }
        Value::Range(r) => {
            let n = crate::lang::builtins::range_len(r);
            if let Some(i) = idx_of(key) {
                return match norm_index(i, n as usize) {
                    Some(j) => Ok(Value::Int(r[0] + j as i64 * r[2])),
                    None => Err(exc::new("IndexError", "range object index out of range")),
                };
            }
            if let Value::Slice(s) = key {
                let (a, b, st) = slice_adjust(s, n as usize)?;
                return Ok(Value::Range(std::sync::Arc::new([
                    r[0] + a * r[2],
                    r[0] + b * r[2],
                    r[2] * st,
                ])));
            }
            Err(exc::type_error(format!(
                "range indices must be integers or slices, not {}",
                key.type_name()
            )))
        }
        Value::Instance(i) => match i.class.lookup("__getitem__") {
            Some(f) => vm.call_value(&f, Args::pos(vec![obj.clone(), key.clone()])),
            None => Err(not_subscriptable(obj)),
        },
        Value::Object(o) => match o.clone().getitem(vm, key) {
            Some(r) => r,
            None => Err(not_subscriptable(obj)),
        },
        Value::Builtin(b) if b.is_type => Ok(obj.clone()),
        _ => Err(not_subscriptable(obj)),
    }
}

fn not_subscriptable(obj: &Value) -> Box<exc::PyErr> {
    exc::type_error(format!("'{}' object is not subscriptable", obj.type_name()))
}

/// `obj[key] = v`.
pub fn setitem(vm: &mut Vm, obj: &Value, key: &Value, v: Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            if let Some(i) = idx_of(key) {
                let mut l = l.write();
                let n = l.len();
                return match norm_index(i, n) {
                    Some(j) => {
                        l[j] = v;
                        Ok(())
                    }
                    None => Err(exc::new("IndexError", "list assignment index out of range")),
                };
            }
            if let Value::Slice(s) = key {
                let new = vm.iterate(&v)?;
                let mut l = l.write();
                let idx = slice_indices(s, l.len())?;
                let step = slice_part(&s[2])?.unwrap_or(1);
                if step == 1 {
                    let start = idx.first().copied().unwrap_or_else(|| {
                        slice_part(&s[0])
                            .ok()
                            .flatten()
                            .map(|x| {
                                let n = l.len() as i64;
                                (if x < 0 { (x + n).max(0) } else { x.min(n) }) as usize
                            })
                            .unwrap_or(0)
                    });
                    let end = start + idx.len();
                    l.splice(start..end, new);
                    return Ok(());
                }
                if new.len() != idx.len() {
                    return Err(exc::value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        idx.len()
                    )));
                }
                for (i, x) in idx.into_iter().zip(new) {
                    l[i] = x;
                }
                return Ok(());
            }
            Err(exc::type_error(format!(
                "list indices must be integers or slices, not {}",
                key.type_name()
            )))
        }
        Value::Dict(d) => {
            let k = vm.hash_key(key)?;
            let mut d = d.write();
            match d.get_mut(&k) {
                Some(slot) => slot.1 = v,
                None => {
                    d.insert(k, (key.clone(), v));
                }
            }
            Ok(())
        }
        Value::Instance(i) => match i.class.lookup("__setitem__") {
            Some(f) => {
                vm.call_value(&f, Args::pos(vec![obj.clone(), key.clone(), v]))?;
                Ok(())
            }
            None => Err(no_assign(obj)),
        },
        Value::Object(o) => match o.clone().setitem(vm, key, v) {
            Some(r) => r,
            None => Err(no_assign(obj)),
        },
        _ => Err(no_assign(obj)),
    }
}

fn no_assign(obj: &Value) -> Box<exc::PyErr> {
    exc::type_error(format!(
        "'{}' object does not support item assignment",
        obj.type_name()
    ))
}

/// `del obj[key]`.
pub fn delitem(vm: &mut Vm, obj: &Value, key: &Value) -> PyResult<()> {
    match obj {
        Value::List(l) => {
            let mut l = l.write();
            if let Some(i) = idx_of(key) {
                return match norm_index(i, l.len()) {
                    Some(j) => {
                        l.remove(j);
                        Ok(())
                    }
                    None => Err(exc::new("IndexError", "list assignment index out of range")),
                };
            }
            if let Value::Slice(s) = key {
                let mut idx = slice_indices(s, l.len())?;
                idx.sort_unstable();
                for i in idx.into_iter().rev() {
                    l.remove(i);
                }
                return Ok(());
            }
            Err(exc::type_error("list indices must be integers or slices"))
        }
        Value::Dict(d) => {
            let k = vm.hash_key(key)?;
            if d.write().shift_remove(&k).is_none() {
                return Err(exc::key_error(key));
            }
            Ok(())
        }
        Value::Instance(i) => match i.class.lookup("__delitem__") {
            Some(f) => {
                vm.call_value(&f, Args::pos(vec![obj.clone(), key.clone()]))?;
                Ok(())
            }
            None => Err(exc::type_error(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        },
        Value::Object(o) => match o.clone().delitem(vm, key) {
            Some(r) => r,
            None => Err(exc::type_error(format!(
                "'{}' object does not support item deletion",
                obj.type_name()
            ))),
        },
        _ => Err(exc::type_error(format!(
            "'{}' object does not support item deletion",
            obj.type_name()
        ))),
    }
}
