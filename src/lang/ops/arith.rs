//! Arithmetic and bitwise operators.

use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::{BinOp, UnOp};
use crate::lang::value::dict::new_set;
use crate::lang::value::Value;
use parking_lot::RwLock;
use std::sync::Arc;

fn zero_div(msg: &str) -> Box<exc::PyErr> {
    exc::new("ZeroDivisionError", msg)
}

/// Integer operation with Python semantics; overflow raises OverflowError.
pub fn int_op(op: BinOp, a: i64, b: i64) -> PyResult<Value> {
    let ov = exc::overflow;
    Ok(Value::Int(match op {
        BinOp::Add => a.checked_add(b).ok_or_else(ov)?,
        BinOp::Sub => a.checked_sub(b).ok_or_else(ov)?,
        BinOp::Mul => a.checked_mul(b).ok_or_else(ov)?,
        BinOp::Div => {
            if b == 0 {
                return Err(zero_div("division by zero"));
            }
            return Ok(Value::Float(a as f64 / b as f64));
        }
        BinOp::FloorDiv => {
            if b == 0 {
                return Err(zero_div("integer division or modulo by zero"));
            }
            let q = a.checked_div(b).ok_or_else(ov)?;
            if a % b != 0 && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            if b == 0 {
                return Err(zero_div("integer modulo by zero"));
            }
            let r = a.checked_rem(b).unwrap_or(0);
            if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            }
        }
        BinOp::Pow => {
            if b < 0 {
                if a == 0 {
                    return Err(zero_div("0.0 cannot be raised to a negative power"));
                }
                return Ok(Value::Float((a as f64).powf(b as f64)));
            }
            let e = u32::try_from(b).map_err(|_| ov())?;
            a.checked_pow(e).ok_or_else(ov)?
        }
        BinOp::LShift => {
            if b < 0 {
                return Err(exc::value_error("negative shift count"));
            }
            if a == 0 {
                0
            } else {
                if b >= 63 {
                    return Err(ov());
                }
                let r = a << b;
                if r >> b != a {
                    return Err(ov());
                }
                r
            }
        }
        BinOp::RShift => {
            if b < 0 {
                return Err(exc::value_error("negative shift count"));
            }
            a >> b.min(63)
        }
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::MatMul => return Err(unsupported(op, &Value::Int(a), &Value::Int(b))),
    }))
}

/// Python float modulo (result has the divisor's sign).
pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((m < 0.0) != (b < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

fn float_op(op: BinOp, a: f64, b: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(zero_div("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(zero_div("float floor division by zero"));
            }
            let m = a % b;
            let mut div = (a - m) / b;
            if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
                div -= 1.0;
            }
            if div != 0.0 {
                let f = div.floor();
                if div - f > 0.5 {
                    f + 1.0
                } else {
                    f
                }
            } else {
                0.0f64.copysign(a / b)
            }
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(zero_div("float modulo"));
            }
            float_mod(a, b)
        }
        BinOp::Pow => {
            if a == 0.0 && b < 0.0 {
                return Err(zero_div("0.0 cannot be raised to a negative power"));
            }
            let r = a.powf(b);
            if r.is_infinite() && a.is_finite() && b.is_finite() {
                return Err(exc::new(
                    "OverflowError",
                    "(34, 'Numerical result out of range')",
                ));
            }
            if r.is_nan() && !a.is_nan() && !b.is_nan() {
                // A negative base to a fractional power is complex (CPython's _Py_c_pow).
                let (len, phase) = (a.abs().powf(b), std::f64::consts::PI * b);
                return Ok(crate::lang::complexnum::PyComplex::value(
                    len * phase.cos(),
                    len * phase.sin(),
                ));
            }
            r
        }
        _ => {
            return Err(unsupported(op, &Value::Float(a), &Value::Float(b)));
        }
    }))
}

fn unsupported(op: BinOp, a: &Value, b: &Value) -> Box<exc::PyErr> {
    exc::type_error(format!(
        "unsupported operand type(s) for {}: '{}' and '{}'",
        op.symbol(),
        a.type_name(),
        b.type_name()
    ))
}

fn as_num(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn repeat(items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    let n = n.max(0) as usize;
    if items.len().saturating_mul(n) > 1 << 28 {
        return Err(exc::new("MemoryError", ""));
    }
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend_from_slice(items);
    }
    Ok(out)
}

fn builtin_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    use Value as V;
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        if matches!(
            (op, a, b),
            (
                BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor,
                V::Bool(_),
                V::Bool(_)
            )
        ) {
            return Ok(Some(match int_op(op, x, y)? {
                V::Int(r) => V::Bool(r != 0),
                other => other,
            }));
        }
        return int_op(op, x, y).map(Some);
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return float_op(op, x, y).map(Some);
    }
    Ok(Some(match (op, a, b) {
        (BinOp::Add, V::Str(x), V::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            V::str(&s)
        }
        (BinOp::Mul, V::Str(s), n) | (BinOp::Mul, n, V::Str(s)) if as_int(n).is_some() => {
            let n = as_int(n).unwrap_or(0).max(0) as usize;
            if s.len().saturating_mul(n) > 1 << 28 {
                return Err(exc::new("MemoryError", ""));
            }
            V::str(&s.repeat(n))
        }
        (BinOp::Mod, V::Str(s), args) => V::str(&crate::lang::format::percent(vm, s, args)?),
        (BinOp::Add, V::List(x), V::List(y)) => {
            let mut v = x.read().clone();
            v.extend(y.read().iter().cloned());
            V::list(v)
        }
        (BinOp::Add, V::Tuple(x), V::Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            V::tuple(v)
        }
        (BinOp::Mul, V::List(l), n) | (BinOp::Mul, n, V::List(l)) if as_int(n).is_some() => {
            let items = l.read().clone();
            V::list(repeat(&items, as_int(n).unwrap_or(0))?)
        }
        (BinOp::Mul, V::Tuple(t), n) | (BinOp::Mul, n, V::Tuple(t)) if as_int(n).is_some() => {
            V::tuple(repeat(t, as_int(n).unwrap_or(0))?)
        }
        (BinOp::BitOr, V::Dict(x), V::Dict(y)) => {
            let mut d = x.read().clone();
            for (k, v) in y.read().iter() {
                d.insert(k.clone(), v.clone());
            }
            V::dict(d)
        }
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, V::Set(x), V::Set(y)) => {
            let (x, y) = (x.read_recursive().clone(), y.read_recursive().clone());
            let mut out = new_set();
            match op {
                BinOp::BitOr => {
                    out = x;
                    for (k, v) in y {
                        out.entry(k).or_insert(v);
                    }
                }
                BinOp::BitAnd => {
                    for (k, v) in x {
                        if y.contains_key(&k) {
                            out.insert(k, v);
                        }
                    }
                }
                BinOp::Sub => {
                    for (k, v) in x {
                        if !y.contains_key(&k) {
                            out.insert(k, v);
                        }
                    }
                }
                _ => {
                    for (k, v) in y.iter() {
                        if !x.contains_key(k) {
                            out.insert(k.clone(), v.clone());
                        }
                    }
                    for (k, v) in x {
                        if !y.contains_key(&k) {
                            out.insert(k, v);
                        }
                    }
                }
            }
            V::Set(Arc::new(RwLock::new(out)))
        }
        _ => return Ok(None),
    }))
}

/// `a op b` with the NotImplemented protocol for instances and library objects.
pub fn binop(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return int_op(op, *x, *y);
    }
    if let Some(v) = builtin_op(vm, op, a, b)? {
        return Ok(v);
    }
    let (name, rname) = op.dunders();
    match a {
        Value::Object(o) => {
            if let Some(r) = o.clone().binop(vm, op, b) {
                return r;
            }
        }
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup(name) {
                let r = vm.call_value(&f, Args::pos(vec![a.clone(), b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        _ => {}
    }
    match b {
        Value::Object(o) => {
            if let Some(r) = o.clone().rbinop(vm, op, a) {
                return r;
            }
        }
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup(rname) {
                let r = vm.call_value(&f, Args::pos(vec![b.clone(), a.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        _ => {}
    }
    if op == BinOp::Add && matches!(a, Value::Str(_)) {
        return Err(exc::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            b.type_name()
        )));
    }
    if op == BinOp::Add && matches!(a, Value::List(_)) {
        return Err(exc::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            b.type_name()
        )));
    }
    if op == BinOp::Mul && matches!(a, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
        return Err(exc::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            b.type_name()
        )));
    }
    Err(unsupported(op, a, b))
}

/// `a op= b`: lists extend in place, everything else rebinds.
pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (BinOp::Add, Value::List(l)) = (op, a) {
        let items = vm.iterate(b)?;
        l.write().extend(items);
        return Ok(a.clone());
    }
    if let Value::Instance(i) = a {
        let name = format!("__i{}", &op.dunders().0[2..]);
        if let Some(f) = i.class.lookup(&name) {
            return vm.call_value(&f, Args::pos(vec![a.clone(), b.clone()]));
        }
    }
    binop(vm, op, a, b)
}

/// Unary `-`, `+`, `~`.
pub fn unary(vm: &mut Vm, op: UnOp, a: &Value) -> PyResult<Value> {
    let sym = match op {
        UnOp::Neg => '-',
        UnOp::Pos => '+',
        UnOp::Invert => '~',
        UnOp::Not => return Ok(Value::Bool(!vm.truthy(a)?)),
    };
    match (op, a) {
        (UnOp::Neg, Value::Int(i)) => i.checked_neg().map(Value::Int).ok_or_else(exc::overflow),
        (UnOp::Neg, Value::Bool(b)) => Ok(Value::Int(-(*b as i64))),
        (UnOp::Neg, Value::Float(f)) => Ok(Value::Float(-f)),
        (UnOp::Pos, Value::Int(i)) => Ok(Value::Int(*i)),
        (UnOp::Pos, Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        (UnOp::Pos, Value::Float(f)) => Ok(Value::Float(*f)),
        (UnOp::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
        (UnOp::Invert, Value::Bool(b)) => Ok(Value::Int(!(*b as i64))),
        (_, Value::Object(o)) => match o.clone().unary(vm, sym) {
            Some(r) => r,
            None => Err(bad_unary(sym, a)),
        },
        (_, Value::Instance(i)) => {
            let name = match op {
                UnOp::Neg => "__neg__",
                UnOp::Pos => "__pos__",
                _ => "__invert__",
            };
            match i.class.lookup(name) {
                Some(f) => vm.call_value(&f, Args::pos(vec![a.clone()])),
                None => Err(bad_unary(sym, a)),
            }
        }
        _ => Err(bad_unary(sym, a)),
    }
}

fn bad_unary(sym: char, a: &Value) -> Box<exc::PyErr> {
    exc::type_error(format!(
        "bad operand type for unary {sym}: '{}'",
        a.type_name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(v: PyResult<Value>) -> i64 {
        match v {
            Ok(Value::Int(i)) => i,
            _ => panic!("not an int"),
        }
    }

    #[test]
    fn floor_div_and_mod_follow_python_signs() {
        assert_eq!(i(int_op(BinOp::FloorDiv, 7, 2)), 3);
        assert_eq!(i(int_op(BinOp::FloorDiv, -7, 2)), -4);
        assert_eq!(i(int_op(BinOp::FloorDiv, 7, -2)), -4);
        assert_eq!(i(int_op(BinOp::Mod, -7, 2)), 1);
        assert_eq!(i(int_op(BinOp::Mod, 7, -2)), -1);
        assert_eq!(float_mod(-7.5, 2.0), 0.5);
        assert!(int_op(BinOp::Mod, 1, 0).is_err());
    }

    #[test]
    fn overflow_is_an_error_not_a_wrap() {
        let e = int_op(BinOp::Mul, i64::MAX, 2).expect_err("overflow");
        assert_eq!(e.name(), "OverflowError");
        assert!(int_op(BinOp::Pow, 2, 64).is_err());
        assert_eq!(i(int_op(BinOp::Pow, 2, 62)), 1 << 62);
        assert!(int_op(BinOp::LShift, 1, 63).is_err());
    }
}
