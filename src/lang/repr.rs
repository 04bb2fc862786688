//! CPython-exact `repr()`/`str()` for built-in values. Instances with `__repr__` are
//! rendered through a hook supplied by the evaluator.

use super::exc::PyResult;
use super::value::Value;

/// Hook for values needing user code (instances with `__repr__`/`__str__`).
pub type Hook<'a> = &'a mut dyn FnMut(&Value, bool) -> PyResult<Option<String>>;

/// CPython's `repr(float)`: shortest round-tripping digits, exponent outside [1e-4, 1e16).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let s = format!("{:e}", f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= 0 {
            if n <= exp + 1 {
                out.push_str(&digits);
                out.push_str(&"0".repeat((exp + 1 - n) as usize));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..(exp + 1) as usize]);
                out.push('.');
                out.push_str(&digits[(exp + 1) as usize..]);
            }
        } else {
            out.push_str("0.");
            out.push_str(&"0".repeat((-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// CPython's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// `repr()` without user code (instances fall back to the default `<... object>`).
pub fn repr_simple(v: &Value) -> String {
    let mut none = |_: &Value, _: bool| -> PyResult<Option<String>> { Ok(None) };
    repr_with(v, &mut none, 0).unwrap_or_else(|_| "<?>".into())
}

/// `str()` without user code.
pub fn str_simple(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Instance(i) if i.class.is_exception() => super::exc::exc_str(v),
        Value::Object(o) => o.str_(),
        _ => repr_simple(v),
    }
}

fn seq(items: &[Value], open: &str, close: &str, hook: Hook<'_>, depth: usize) -> PyResult<String> {
    let mut s = String::from(open);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&repr_with(x, hook, depth + 1)?);
    }
    s.push_str(close);
    Ok(s)
}

/// `repr()` with a hook for user-defined `__repr__`.
pub fn repr_with(v: &Value, hook: Hook<'_>, depth: usize) -> PyResult<String> {
    if depth > 200 {
        return Ok("...".into());
    }
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::List(l) => {
            let items = l.read().clone();
            seq(&items, "[", "]", hook, depth)?
        }
        Value::Tuple(t) => {
            if t.len() == 1 {
                format!("({},)", repr_with(&t[0], hook, depth + 1)?)
            } else {
                seq(t, "(", ")", hook, depth)?
            }
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d.read().values().cloned().collect();
            let mut s = String::from("{");
            for (i, (k, v)) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&repr_with(k, hook, depth + 1)?);
                s.push_str(": ");
                s.push_str(&repr_with(v, hook, depth + 1)?);
            }
            s.push('}');
            s
        }
        Value::Set(st) => {
            let items: Vec<Value> = crate::lang::value::dict::set_values(&st.read());
            if items.is_empty() {
                "set()".into()
            } else {
                seq(&items, "{", "}", hook, depth)?
            }
        }
        Value::Range(r) => {
            if r[2] == 1 {
                format!("range({}, {})", r[0], r[1])
            } else {
                format!("range({}, {}, {})", r[0], r[1], r[2])
            }
        }
        Value::Slice(s) => format!(
            "slice({}, {}, {})",
            repr_with(&s[0], hook, depth + 1)?,
            repr_with(&s[1], hook, depth + 1)?,
            repr_with(&s[2], hook, depth + 1)?
        ),
        Value::Func(f) => format!(
            "<function {} at {:#x}>",
            f.code.name,
            v.ptr_id().unwrap_or(0)
        ),
        Value::Builtin(b) if b.is_type => format!("<class '{}'>", b.name),
        Value::Builtin(b) => format!("<built-in function {}>", b.name),
        Value::Method(m) => {
            let fname = match &m.1 {
                Value::Func(f) => f.code.name.to_string(),
                Value::Builtin(b) => b.name.to_string(),
                other => repr_with(other, hook, depth + 1)?,
            };
            match &m.0 {
                Value::Instance(_) | Value::Class(_) => format!(
                    "<bound method {}.{} of {}>",
                    m.0.type_name(),
                    fname,
                    repr_with(&m.0, hook, depth + 1)?
                ),
                recv => format!(
                    "<built-in method {} of {} object at {:#x}>",
                    fname,
                    recv.type_name(),
                    recv.ptr_id().unwrap_or(0)
                ),
            }
        }
        Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
        Value::Class(c) => {
            if c.builtin {
                format!("<class '{}'>", c.name)
            } else {
                format!("<class '{}.{}'>", c.module, c.name)
            }
        }
        Value::Instance(i) => {
            if let Some(s) = hook(v, true)? {
                return Ok(s);
            }
            if i.class.is_exception() {
                let args = match i.get("args") {
                    Some(Value::Tuple(t)) => t.to_vec(),
                    _ => vec![],
                };
                if args.len() == 1 {
                    format!(
                        "{}({})",
                        i.class.name,
                        repr_with(&args[0], hook, depth + 1)?
                    )
                } else {
                    format!("{}{}", i.class.name, seq(&args, "(", ")", hook, depth)?)
                }
            } else {
                format!(
                    "<{}.{} object at {:#x}>",
                    i.class.module,
                    i.class.name,
                    v.ptr_id().unwrap_or(0)
                )
            }
        }
        Value::Iter(_) => format!("<iterator object at {:#x}>", v.ptr_id().unwrap_or(0)),
        Value::Object(o) => o.repr(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::NotImplemented => "NotImplemented".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_like_cpython() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-2.5), "-2.5");
        assert_eq!(float_repr(3.0), "3.0");
        assert_eq!(float_repr(123456789.125), "123456789.125");
    }

    #[test]
    fn strings_like_cpython() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(str_repr("x\ny"), "'x\\ny'");
    }
}
