//! Type constructors and numeric builtins: int, float, str, bool, list, tuple, dict, set,
//! abs, round, divmod, pow, chr, ord, hex, oct, bin, format.

use super::{add, add_type, to_f64, to_int, Table};
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::ir::BinOp;
use crate::lang::ops;
use crate::lang::repr::str_repr;
use crate::lang::value::dict::{new_dict, new_set};
use crate::lang::value::Value;
use parking_lot::RwLock;
use std::sync::Arc;

/// Parse an int literal the way `int(str, base)` does.
pub fn parse_int(s: &str, base: u32) -> Option<i64> {
    let t = s.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let mut body = body.to_string();
    let lower = body.to_ascii_lowercase();
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if lower.starts_with(p) && (base == b || base == 0) {
            body = body[2..].to_string();
            base = b;
        }
    }
    if base == 0 {
        base = 10;
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    let v = i128::from_str_radix(&clean, base).ok()?;
    let v = if neg { -v } else { v };
    i64::try_from(v).ok()
}

/// `float(str)`.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase().replace('_', "");
    match t.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
        "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        _ => t.parse::<f64>().ok().filter(|_| !t.is_empty()),
    }
}

/// `int(float)` with CPython's errors.
pub fn float_to_int(f: f64) -> PyResult<i64> {
    if f.is_nan() {
        return Err(exc::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(exc::new(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Err(exc::overflow());
    }
    Ok(t as i64)
}

fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if nd >= 0 {
        if nd > 300 {
            return x;
        }
        format!("{:.*}", nd as usize, x).parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-nd) as i32);
        (x / p).round_ties_even() * p
    }
}

fn collect_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mut s = new_set();
    for v in items {
        let k = vm.hash_key(&v)?;
        s.entry(k).or_insert(v);
    }
    Ok(Value::Set(Arc::new(RwLock::new(s))))
}

/// `dict(...)` from a mapping or iterable of pairs plus keywords.
pub fn make_dict(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut d = new_dict();
    let converted = a
        .pos
        .first()
        .and_then(crate::lang::modules::collections::dict_of_object);
    if let Some(src) = converted.as_ref().or(a.pos.first()) {
        let pairs: Vec<(Value, Value)> = match src {
            Value::Dict(m) => m.read().values().cloned().collect(),
            other => {
                let mut out = Vec::new();
                for (i, item) in vm.iterate(other)?.into_iter().enumerate() {
                    let kv = vm.iterate(&item).map_err(|_| {
                        exc::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        ))
                    })?;
                    if kv.len() != 2 {
                        return Err(exc::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        for (k, v) in pairs {
            let hk = vm.hash_key(&k)?;
            match d.get_mut(&hk) {
                Some(slot) => slot.1 = v,
                None => {
                    d.insert(hk, (k, v));
                }
            }
        }
    }
    for (k, v) in a.kw {
        let key = Value::Str(k.clone());
        d.insert(crate::lang::value::HashKey::Str(k), (key, v));
    }
    Ok(Value::dict(d))
}

pub(super) fn register(t: &mut Table) {
    add_type(
        t,
        "int",
        "int(x=0, base=10)",
        "Convert a number or string to an integer, or return 0 if no arguments are given.",
        |vm, mut a| {
            let base = a.take_kw("base");
            let x = a.arg(0, "x");
            let base_v = match base.or_else(|| a.pos.get(1).cloned()) {
                Some(b) => Some(to_int(&b, "")?),
                None => None,
            };
            Ok(Value::Int(match x {
            None => 0,
            Some(Value::Int(i)) => i,
            Some(Value::Bool(b)) => b as i64,
            Some(Value::Float(f)) => float_to_int(f)?,
            Some(Value::Str(s)) => {
                let b = base_v.unwrap_or(10) as u32;
                match parse_int(&s, b) {
                    Some(v) => v,
                    None => {
                        return Err(exc::value_error(format!(
                            "invalid literal for int() with base {b}: {}",
                            str_repr(&s)
                        )))
                    }
                }
            }
            Some(other @ Value::Instance(_)) => {
                let f = vm.getattr(&other, "__int__")?;
                return vm.call_value(&f, Args::default());
            }
            Some(other) => {
                return Err(exc::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    other.type_name()
                )))
            }
        }))
        },
    );
    add_type(
        t,
        "float",
        "float(x=0.0)",
        "Convert a string or number to a floating point number, if possible.",
        |vm, mut a| {
            Ok(Value::Float(match a.arg(0, "x") {
                None => 0.0,
                Some(Value::Str(s)) => match parse_float(&s) {
                    Some(f) => f,
                    None => {
                        return Err(exc::value_error(format!(
                            "could not convert string to float: {}",
                            str_repr(&s)
                        )))
                    }
                },
                Some(other @ Value::Instance(_)) => {
                    let f = vm.getattr(&other, "__float__")?;
                    return vm.call_value(&f, Args::default());
                }
                Some(other) => match to_f64(&other) {
                    Ok(f) => f,
                    Err(_) => {
                        return Err(exc::type_error(format!(
                            "float() argument must be a string or a real number, not '{}'",
                            other.type_name()
                        )))
                    }
                },
            }))
        },
    );
    add_type(
        t,
        "str",
        "str(object='')",
        "Return a string version of object.",
        |vm, mut a| match a.arg(0, "object") {
            None => Ok(Value::str("")),
            Some(v) => Ok(Value::str(&vm.str(&v)?)),
        },
    );
    add_type(
        t,
        "bool",
        "bool(x=False)",
        "Returns True when the argument x is true, False otherwise.",
        |vm, a| match a.pos.first() {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
        },
    );
    add_type(
        t,
        "list",
        "list(iterable=())",
        "Built-in mutable sequence.",
        |vm, a| {
            a.check("list", 1)?;
            match a.pos.first() {
                None => Ok(Value::list(vec![])),
                Some(v) => Ok(Value::list(vm.iterate(v)?)),
            }
        },
    );
    add_type(
        t,
        "tuple",
        "tuple(iterable=())",
        "Built-in immutable sequence.",
        |vm, a| {
            a.check("tuple", 1)?;
            match a.pos.first() {
                None => Ok(Value::tuple(vec![])),
                Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
                Some(v) => Ok(Value::tuple(vm.iterate(v)?)),
            }
        },
    );
    add_type(
        t,
        "set",
        "set(iterable=())",
        "Build an unordered collection of unique elements.",
        |vm, a| {
            a.check("set", 1)?;
            let items = match a.pos.first() {
                None => vec![],
                Some(v) => vm.iterate(v)?,
            };
            collect_set(vm, items)
        },
    );
    add_type(
        t,
        "frozenset",
        "frozenset(iterable=())",
        "Build an immutable unordered collection of unique elements.",
        |vm, a| {
            let items = match a.pos.first() {
                None => vec![],
                Some(v) => vm.iterate(v)?,
            };
            collect_set(vm, items)
        },
    );
    add_type(
        t,
        "dict",
        "dict(mapping_or_iterable=(), **kwargs)",
        "Create a new dictionary.",
        make_dict,
    );
    add_type(
        t,
        "slice",
        "slice(start, stop[, step])",
        "Create a slice object.",
        |_vm, a| {
            let p = &a.pos;
            let (s, e, st) = match p.len() {
                1 => (Value::None, p[0].clone(), Value::None),
                2 => (p[0].clone(), p[1].clone(), Value::None),
                3 => (p[0].clone(), p[1].clone(), p[2].clone()),
                n => {
                    return Err(exc::type_error(format!(
                        "slice expected at least 1 argument, got {n}"
                    )))
                }
            };
            Ok(Value::Slice(Arc::new([s, e, st])))
        },
    );
    add(
        t,
        "complex",
        "complex(real=0, imag=0)",
        "Create a complex number from a real part and an optional imaginary part.",
        crate::lang::complexnum::complex_builtin,
    );
    add(
        t,
        "abs",
        "abs(x, /)",
        "Return the absolute value of the argument.",
        |vm, a| {
            a.exact("abs", 1)?;
            match &a.pos[0] {
                Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(exc::overflow),
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                v @ Value::Instance(_) => {
                    let f = vm.getattr(v, "__abs__")?;
                    vm.call_value(&f, Args::default())
                }
                Value::Object(o) => match o.clone().getattr(vm, "__abs__") {
                    Some(f) => {
                        let f = f?;
                        vm.call_value(&f, Args::default())
                    }
                    None => Err(exc::type_error(format!(
                        "bad operand type for abs(): '{}'",
                        o.type_name()
                    ))),
                },
                other => Err(exc::type_error(format!(
                    "bad operand type for abs(): '{}'",
                    other.type_name()
                ))),
            }
        },
    );
    add(
        t,
        "round",
        "round(number, ndigits=None)",
        "Round a number to a given precision in decimal digits.",
        |vm, mut a| {
            let nd = a.take_kw("ndigits").or_else(|| a.pos.get(1).cloned());
            let x = a.pos.first().cloned().ok_or_else(|| {
                exc::type_error("round() missing required argument 'number' (pos 1)")
            })?;
            match (x, nd) {
                (Value::Int(i), None | Some(Value::None)) => Ok(Value::Int(i)),
                (Value::Bool(b), None | Some(Value::None)) => Ok(Value::Int(b as i64)),
                (Value::Float(f), None | Some(Value::None)) => {
                    Ok(Value::Int(float_to_int(f.round_ties_even())?))
                }
                (Value::Float(f), Some(n)) => Ok(Value::Float(round_float(f, to_int(&n, "")?))),
                (Value::Int(i), Some(n)) => {
                    let n = to_int(&n, "")?;
                    if n >= 0 {
                        return Ok(Value::Int(i));
                    }
                    let p = 10i64.checked_pow((-n) as u32).unwrap_or(i64::MAX);
                    let q = ops::binop(vm, BinOp::FloorDiv, &Value::Int(i), &Value::Int(p))?;
                    let r = i - to_int(&q, "")? * p;
                    let mut q = to_int(&q, "")?;
                    if r * 2 > p || (r * 2 == p && q % 2 != 0) {
                        q += 1;
                    }
                    Ok(Value::Int(q * p))
                }
                (other @ Value::Instance(_), _) => {
                    let f = vm.getattr(&other, "__round__")?;
                    vm.call_value(&f, Args::default())
                }
                (other, _) => Err(exc::type_error(format!(
                    "type {} doesn't define __round__ method",
                    other.type_name()
                ))),
            }
        },
    );
    add(
        t,
        "divmod",
        "divmod(x, y, /)",
        "Return the tuple (x//y, x%y).",
        |vm, a| {
            a.exact("divmod", 2)?;
            let q = ops::binop(vm, BinOp::FloorDiv, &a.pos[0], &a.pos[1])?;
            let r = ops::binop(vm, BinOp::Mod, &a.pos[0], &a.pos[1])?;
            Ok(Value::tuple(vec![q, r]))
        },
    );
    add(
        t,
        "pow",
        "pow(base, exp, mod=None)",
        "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments.",
        |vm, mut a| {
            let m = a.take_kw("mod").or_else(|| a.pos.get(2).cloned());
            if a.pos.len() < 2 {
                return Err(exc::type_error(
                    "pow() missing required argument 'exp' (pos 2)",
                ));
            }
            match m {
                None | Some(Value::None) => ops::binop(vm, BinOp::Pow, &a.pos[0], &a.pos[1]),
                Some(m) => {
                    let (b, e, m) = (
                        to_int(&a.pos[0], "")? as i128,
                        to_int(&a.pos[1], "")?,
                        to_int(&m, "")? as i128,
                    );
                    if m == 0 {
                        return Err(exc::value_error("pow() 3rd argument cannot be 0"));
                    }
                    if e < 0 {
                        return Err(exc::value_error(
                            "base is not invertible for the given modulus",
                        ));
                    }
                    let (mut r, mut b, mut e) = (1i128, b.rem_euclid(m), e);
                    while e > 0 {
                        if e & 1 == 1 {
                            r = (r * b).rem_euclid(m);
                        }
                        b = (b * b).rem_euclid(m);
                        e >>= 1;
                    }
                    let r = r.rem_euclid(m);
                    Ok(Value::Int(if m < 0 && r > 0 {
                        (r + m) as i64
                    } else {
                        r as i64
                    }))
                }
            }
        },
    );
    add(
        t,
        "chr",
        "chr(i, /)",
        "Return a Unicode string of one character with ordinal i.",
        |_vm, a| {
            a.exact("chr", 1)?;
            let i = to_int(&a.pos[0], "")?;
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(c) => Ok(Value::str(&c.to_string())),
                None => Err(exc::value_error("chr() arg not in range(0x110000)")),
            }
        },
    );
    add(
        t,
        "ord",
        "ord(c, /)",
        "Return the Unicode code point for a one-character string.",
        |_vm, a| {
            a.exact("ord", 1)?;
            match &a.pos[0] {
                Value::Str(s) if s.chars().count() == 1 => {
                    Ok(Value::Int(s.chars().next().unwrap_or('\0') as i64))
                }
                Value::Str(s) => Err(exc::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                ))),
                other => Err(exc::type_error(format!(
                    "ord() expected string of length 1, but {} found",
                    other.type_name()
                ))),
            }
        },
    );
    for (name, prefix, radix) in [("hex", "0x", 16u32), ("oct", "0o", 8), ("bin", "0b", 2)] {
        add(
            t,
            name,
            &format!("{name}(number, /)"),
            "Return the representation of an integer in the given base.",
            move |_vm, a| {
                a.exact(name, 1)?;
                let i = to_int(&a.pos[0], "")?;
                let mag = (i as i128).unsigned_abs();
                let digits = match radix {
                    16 => format!("{mag:x}"),
                    8 => format!("{mag:o}"),
                    _ => format!("{mag:b}"),
                };
                Ok(Value::str(&format!(
                    "{}{prefix}{digits}",
                    if i < 0 { "-" } else { "" }
                )))
            },
        );
    }
    add(
        t,
        "format",
        "format(value, format_spec='', /)",
        "Return type(value).__format__(value, format_spec).",
        |vm, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let spec = match a.pos.get(1) {
                Some(s) => vm.str(s)?,
                None => String::new(),
            };
            Ok(Value::str(&crate::lang::format::format_value(
                vm, &v, &spec,
            )?))
        },
    );
}
