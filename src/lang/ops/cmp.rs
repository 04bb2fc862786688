//! Comparisons and sorting.

use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::CmpOp;
use crate::lang::value::Value;
use std::cmp::Ordering;

fn sym(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        _ => "?",
    }
}

fn dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::Ne => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::Le => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        _ => ("__ge__", "__le__"),
    }
}

/// Order of two numbers (bools, ints, floats) the way Python compares them:
/// an int and a float compare by exact value, not after rounding the int to a
/// float (`2**53 + 1 > 2.0**53`). `None` when either is not a number;
/// `Some(None)` when they are unordered (a NaN).
fn num_order(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    Some(match (int(a), int(b), a, b) {
        (Some(x), Some(y), _, _) => Some(x.cmp(&y)),
        (Some(x), None, _, Value::Float(y)) => int_float_order(x, *y),
        (None, Some(y), Value::Float(x), _) => int_float_order(y, *x).map(Ordering::reverse),
        (None, None, Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        _ => return None,
    })
}

/// Exact order of an int against a float.
fn int_float_order(i: i64, f: f64) -> Option<Ordering> {
    const TWO_63: f64 = 9_223_372_036_854_775_808.0;
    if f.is_nan() {
        return None;
    }
    if f >= TWO_63 {
        return Some(Ordering::Less);
    }
    if f < -TWO_63 {
        return Some(Ordering::Greater);
    }
    // |floor(f)| ≤ 2^63 here, and -2^63 is an i64: the cast is exact.
    let fl = f.floor();
    Some(match i.cmp(&(fl as i64)) {
        Ordering::Equal if f > fl => Ordering::Less,
        o => o,
    })
}

/// Ordering of two built-in values, `None` when not orderable (or unequal-only types).
fn builtin_order(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Ordering>> {
    use Value as V;
    Ok(match (a, b) {
        (V::Int(x), V::Int(y)) => Some(x.cmp(y)),
        (V::Str(x), V::Str(y)) => Some(x.cmp(y)),
        (V::List(x), V::List(y)) => {
            let (x, y) = (x.read_recursive().clone(), y.read_recursive().clone());
            seq_order(vm, &x, &y)?
        }
        (V::Tuple(x), V::Tuple(y)) => seq_order(vm, x, y)?,
        _ => num_order(a, b).flatten(),
    })
}

fn seq_order(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<Option<Ordering>> {
    for (a, b) in x.iter().zip(y.iter()) {
        if values_eq(vm, a, b)? {
            continue;
        }
        return match builtin_order(vm, a, b)? {
            Some(o) => Ok(Some(o)),
            None => {
                let lt = richcmp(vm, CmpOp::Lt, a, b)?;
                Ok(Some(if vm.truthy(&lt)? {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }))
            }
        };
    }
    Ok(Some(x.len().cmp(&y.len())))
}

/// `a == b`.
pub fn values_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    use Value as V;
    Ok(match (a, b) {
        (V::Int(x), V::Int(y)) => x == y,
        (V::Str(x), V::Str(y)) => x == y,
        (V::None, V::None) => true,
        (V::List(x), V::List(y)) => {
            if std::sync::Arc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.read_recursive().clone(), y.read_recursive().clone());
            seq_eq(vm, &x, &y)?
        }
        (V::Tuple(x), V::Tuple(y)) => seq_eq(vm, x, y)?,
        (V::Dict(x), V::Dict(y)) => {
            let (x, y) = (x.read_recursive().clone(), y.read_recursive().clone());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, (_, v)) in x.iter() {
                match y.get(k) {
                    Some((_, w)) => {
                        if !values_eq(vm, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (V::Set(x), V::Set(y)) => {
            let (x, y) = (x.read_recursive(), y.read_recursive());
            x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
        }
        (V::Range(x), V::Range(y)) => x == y,
        (V::Slice(x), V::Slice(y)) => seq_eq(vm, &x[..], &y[..])?,
        _ => {
            if let Some(o) = num_order(a, b) {
                return Ok(o == Some(Ordering::Equal));
            }
            if !matches!(a, V::Instance(_) | V::Object(_))
                && !matches!(b, V::Instance(_) | V::Object(_))
            {
                return Ok(a.is(b));
            }
            let r = richcmp(vm, CmpOp::Eq, a, b)?;
            return vm.truthy(&r);
        }
    })
}

fn seq_eq(vm: &mut Vm, x: &[Value], y: &[Value]) -> PyResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (a, b) in x.iter().zip(y.iter()) {
        if !a.is(b) && !values_eq(vm, a, b)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Rich comparison with user `__eq__`/`__lt__`... and library objects.
pub fn richcmp(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (name, rname) = dunder(op);
    if let Value::Object(o) = a {
        if let Some(r) = o.clone().compare(vm, sym(op), b) {
            return r;
        }
    }
    if let Value::Instance(i) = a {
        if let Some(f) = i.class.lookup(name) {
            let r = vm.call_value(&f, Args::pos(vec![a.clone(), b.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    if let Value::Instance(i) = b {
        if let Some(f) = i.class.lookup(rname) {
            let r = vm.call_value(&f, Args::pos(vec![b.clone(), a.clone()]))?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let both_builtin = !matches!(a, Value::Instance(_) | Value::Object(_))
        && !matches!(b, Value::Instance(_) | Value::Object(_));
    match op {
        CmpOp::Eq | CmpOp::Ne => {
            let eq = if both_builtin {
                values_eq(vm, a, b)?
            } else if let Value::Object(o) = b {
                match o.clone().compare(vm, sym(op), a) {
                    Some(r) => return r,
                    None => a.is(b),
                }
            } else {
                a.is(b)
            };
            Ok(Value::Bool(if op == CmpOp::Eq { eq } else { !eq }))
        }
        _ => {
            if let Some(o) = num_order(a, b) {
                return Ok(Value::Bool(match (op, o) {
                    (_, None) => false,
                    (CmpOp::Lt, Some(o)) => o.is_lt(),
                    (CmpOp::Le, Some(o)) => o.is_le(),
                    (CmpOp::Gt, Some(o)) => o.is_gt(),
                    (_, Some(o)) => o.is_ge(),
                }));
            }
            if let (Value::Set(x), Value::Set(y)) = (a, b) {
                let (x, y) = (x.read_recursive(), y.read_recursive());
                let sub = x.keys().all(|k| y.contains_key(k));
                let sup = y.keys().all(|k| x.contains_key(k));
                return Ok(Value::Bool(match op {
                    CmpOp::Lt => sub && x.len() < y.len(),
                    CmpOp::Le => sub,
                    CmpOp::Gt => sup && x.len() > y.len(),
                    _ => sup,
                }));
            }
            let same_kind = std::mem::discriminant(a) == std::mem::discriminant(b);
            if both_builtin && same_kind {
                if let Some(o) = builtin_order(vm, a, b)? {
                    return Ok(Value::Bool(match op {
                        CmpOp::Lt => o == Ordering::Less,
                        CmpOp::Le => o != Ordering::Greater,
                        CmpOp::Gt => o == Ordering::Greater,
                        _ => o != Ordering::Less,
                    }));
                }
            }
            Err(exc::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                sym(op),
                a.type_name(),
                b.type_name()
            )))
        }
    }
}

/// Sort values in place (stable), by `key` if given, like `list.sort`.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                ks.push(vm.call_value(k, Args::pos(vec![x.clone()]))?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err = None;
    // Merge sort via std's stable sort; errors are remembered and reported after.
    idx.sort_by(|&i, &j| {
        if err.is_some() {
            return Ordering::Equal;
        }
        let (a, b) = if reverse {
            (&keys[j], &keys[i])
        } else {
            (&keys[i], &keys[j])
        };
        match lt(vm, a, b) {
            Ok(true) => Ordering::Less,
            Ok(false) => match lt(vm, b, a) {
                Ok(true) => Ordering::Greater,
                Ok(false) => Ordering::Equal,
                Err(e) => {
                    err = Some(e);
                    Ordering::Equal
                }
            },
            Err(e) => {
                err = Some(e);
                Ordering::Equal
            }
        }
    });
    if let Some(e) = err {
        return Err(e);
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    Ok(())
}

fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => {
            let r = richcmp(vm, CmpOp::Lt, a, b)?;
            vm.truthy(&r)
        }
    }
}
