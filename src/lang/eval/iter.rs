//! The iteration protocol: lazy iterators over built-in containers, ranges, iterator
//! values, user classes (`__iter__`/`__next__` or `__getitem__`) and library objects.

use super::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::CmpOp;
use crate::lang::value::{IterState, Value};
use parking_lot::Mutex;
use std::sync::Arc;

/// An in-progress iteration.
pub enum PyIter {
    /// Over a range.
    Range(i64, i64, i64),
    /// Over a snapshot of items.
    Items(std::vec::IntoIter<Value>),
    /// Over a shared iterator value (advancing it).
    Shared(Arc<Mutex<IterState>>),
    /// A user iterator with `__next__`.
    User(Value),
    /// The old `__getitem__(0, 1, ...)` protocol.
    GetItem(Value, i64),
}

impl PyIter {
    /// The next item, or `None` when exhausted.
    pub fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        match self {
            PyIter::Range(cur, stop, step) => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur += *step;
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            PyIter::Items(it) => Ok(it.next()),
            PyIter::Shared(s) => Ok(next_shared(s)),
            PyIter::User(u) => {
                let f = vm.getattr(u, "__next__")?;
                match vm.call_value(&f, Args::default()) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is("StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            PyIter::GetItem(obj, i) => {
                let f = vm.getattr(obj, "__getitem__")?;
                match vm.call_value(&f, Args::pos(vec![Value::Int(*i)])) {
                    Ok(v) => {
                        *i += 1;
                        Ok(Some(v))
                    }
                    Err(e) if e.is("IndexError") || e.is("StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }
}

/// Advance a shared iterator value.
pub fn next_shared(s: &Arc<Mutex<IterState>>) -> Option<Value> {
    match &mut *s.lock() {
        IterState::Items(q) => q.pop_front(),
        IterState::Native(it) => it.next(),
    }
}

impl Vm<'_> {
    /// Start iterating over `v` (`TypeError` if it is not iterable).
    pub fn iter(&mut self, v: &Value) -> PyResult<PyIter> {
        Ok(match v {
            Value::Range(r) => PyIter::Range(r[0], r[1], r[2]),
            Value::List(l) => PyIter::Items(l.read().clone().into_iter()),
            Value::Tuple(t) => PyIter::Items(t.iter().cloned().collect::<Vec<_>>().into_iter()),
            Value::Str(s) => PyIter::Items(
                s.chars()
                    .map(|c| Value::str(c.encode_utf8(&mut [0u8; 4])))
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
            Value::Dict(d) => PyIter::Items(
                d.read()
                    .values()
                    .map(|(k, _)| k.clone())
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
            Value::Set(s) => {
                PyIter::Items(crate::lang::value::dict::set_values(&s.read()).into_iter())
            }
            Value::Iter(s) => PyIter::Shared(s.clone()),
            Value::Object(o) => match o.iter(self) {
                Some(r) => PyIter::Items(r?.into_iter()),
                None => {
                    return Err(exc::type_error(format!(
                        "'{}' object is not iterable",
                        o.type_name()
                    )))
                }
            },
            Value::Instance(i) => {
                if let Some(f) = i.class.lookup("__iter__") {
                    let it = self.call_value(&f, Args::pos(vec![v.clone()]))?;
                    match &it {
                        Value::Instance(_) => PyIter::User(it),
                        other => return self.iter(other),
                    }
                } else if i.class.lookup("__getitem__").is_some() {
                    PyIter::GetItem(v.clone(), 0)
                } else {
                    return Err(exc::type_error(format!(
                        "'{}' object is not iterable",
                        i.class.name
                    )));
                }
            }
            other => {
                return Err(exc::type_error(format!(
                    "'{}' object is not iterable",
                    other.type_name()
                )))
            }
        })
    }

    /// All items of an iterable.
    pub fn iterate(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.read().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let mut it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = it.next(self)? {
            out.push(x);
            if out.len() % 4096 == 0 {
                self.poll()?;
            }
        }
        Ok(out)
    }

    /// `needle in haystack`.
    pub fn contains(&mut self, hay: &Value, needle: &Value) -> PyResult<bool> {
        match hay {
            Value::Str(s) => match needle {
                Value::Str(n) => Ok(s.contains(&**n)),
                other => Err(exc::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    other.type_name()
                ))),
            },
            Value::Dict(d) => {
                let k = self.hash_key(needle)?;
                Ok(d.read().contains_key(&k))
            }
            Value::Set(s) => {
                let k = self.hash_key(needle)?;
                Ok(s.read().contains_key(&k))
            }
            Value::Range(r) => match needle {
                Value::Int(_) | Value::Bool(_) | Value::Float(_) => {
                    let n = match needle {
                        Value::Int(i) => *i,
                        Value::Bool(b) => *b as i64,
                        Value::Float(f) if f.fract() == 0.0 => *f as i64,
                        _ => return Ok(false),
                    };
                    let (a, b, st) = (r[0], r[1], r[2]);
                    let inside = if st > 0 {
                        n >= a && n < b
                    } else {
                        n <= a && n > b
                    };
                    Ok(inside && (n - a) % st == 0)
                }
                _ => Ok(false),
            },
            Value::Instance(i) if i.class.lookup("__contains__").is_some() => {
                let f = i.class.lookup("__contains__").expect("checked");
                let r = self.call_value(&f, Args::pos(vec![hay.clone(), needle.clone()]))?;
                self.truthy(&r)
            }
            _ => {
                let mut it = self.iter(hay)?;
                while let Some(x) = it.next(self)? {
                    if x.is(needle) {
                        return Ok(true);
                    }
                    let eq = self.compare(CmpOp::Eq, &x, needle)?;
                    if self.truthy(&eq)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}
