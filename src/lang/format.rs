//! The format-spec mini-language (`format()`, f-strings, `str.format`) and `%`-formatting.

use super::eval::{Args, Vm};
use super::exc::{self, PyResult};
use super::repr::float_repr;
use super::value::Value;

#[derive(Default, Debug)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(s: &str) -> PyResult<Spec> {
    let c: Vec<char> = s.chars().collect();
    let mut sp = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        sp.width = c[st..i].iter().collect::<String>().parse().unwrap_or(0);
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return Err(exc::value_error("Format specifier missing precision"));
        }
        sp.precision = Some(c[st..i].iter().collect::<String>().parse().unwrap_or(0));
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i != c.len() {
        return Err(exc::value_error("Invalid format specifier"));
    }
    Ok(sp)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, ch) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

fn exp_fmt(f: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, f);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    if upper {
        r.to_uppercase()
    } else {
        r
    }
}

fn general(f: f64, prec: usize, upper: bool, alt: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if f == 0.0 {
        return if alt {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let e = format!("{:.*e}", p - 1, f);
    let exp: i32 = e
        .split_once('e')
        .map(|x| x.1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let mut s = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, f)
    } else {
        exp_fmt(f, p - 1, upper)
    };
    if !alt {
        if let Some(epos) = s.find(['e', 'E']) {
            let (m, rest) = s.split_at(epos);
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            s = format!("{m}{rest}");
        } else if s.contains('.') {
            s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        }
    }
    s
}

fn finish(body: String, neg: bool, sp: &Spec, numeric: bool, prefix: &str) -> String {
    let sign = if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let mut body = body;
    if let Some(g) = sp.grouping {
        let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        let every = if prefix.is_empty() { 3 } else { 4 };
        body = format!("{}{rest}", group(&int_part, g, every));
    }
    let head = format!("{sign}{prefix}");
    let len = head.chars().count() + body.chars().count();
    let align = sp.align.unwrap_or(if sp.zero && numeric {
        '='
    } else if numeric {
        '>'
    } else {
        '<'
    });
    let fill = sp.fill.unwrap_or(if sp.zero && sp.align.is_none() {
        '0'
    } else {
        ' '
    });
    if len >= sp.width {
        return format!("{head}{body}");
    }
    let pad = sp.width - len;
    let f = |n: usize| fill.to_string().repeat(n);
    match align {
        '<' => format!("{head}{body}{}", f(pad)),
        '^' => format!("{}{head}{body}{}", f(pad / 2), f(pad - pad / 2)),
        '=' => format!("{head}{}{body}", f(pad)),
        _ => format!("{}{head}{body}", f(pad)),
    }
}

/// `format(v, spec)`.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if let Value::Instance(i) = v {
        if let Some(f) = i.class.lookup("__format__") {
            let r = vm.call_value(&f, Args::pos(vec![v.clone(), Value::str(spec)]))?;
            return vm.str(&r);
        }
    }
    if spec.is_empty() {
        return vm.str(v);
    }
    let sp = parse_spec(spec)?;
    match v {
        Value::Int(_) | Value::Bool(_)
            if !matches!(sp.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) =>
        {
            let i = match v {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                _ => 0,
            };
            if matches!(v, Value::Bool(_)) && sp.ty.is_none() {
                let s = vm.str(v)?;
                return Ok(finish(s, false, &sp, false, ""));
            }
            let mag = (i as i128).unsigned_abs();
            let (body, prefix) = match sp.ty {
                None | Some('d') | Some('n') => (mag.to_string(), ""),
                Some('x') => (format!("{mag:x}"), if sp.alt { "0x" } else { "" }),
                Some('X') => (format!("{mag:X}"), if sp.alt { "0X" } else { "" }),
                Some('o') => (format!("{mag:o}"), if sp.alt { "0o" } else { "" }),
                Some('b') => (format!("{mag:b}"), if sp.alt { "0b" } else { "" }),
                Some('c') => (char::from_u32(mag as u32).unwrap_or(' ').to_string(), ""),
                Some(t) => {
                    return Err(exc::value_error(format!(
                        "Unknown format code '{t}' for object of type 'int'"
                    )))
                }
            };
            if sp.precision.is_some() {
                return Err(exc::value_error(
                    "Precision not allowed in integer format specifier",
                ));
            }
            Ok(finish(body, i < 0, &sp, true, prefix))
        }
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => {
            let f = super::builtins::to_f64(v)?;
            let neg = f.is_sign_negative();
            let a = f.abs();
            let prec = sp.precision;
            let body = if a.is_nan() {
                if matches!(sp.ty, Some('E' | 'F' | 'G')) {
                    "NAN".into()
                } else {
                    "nan".into()
                }
            } else if a.is_infinite() {
                if matches!(sp.ty, Some('E' | 'F' | 'G')) {
                    "INF".into()
                } else {
                    "inf".into()
                }
            } else {
                match sp.ty {
                    Some('f') | Some('F') => format!("{:.*}", prec.unwrap_or(6), a),
                    Some('e') => exp_fmt(a, prec.unwrap_or(6), false),
                    Some('E') => exp_fmt(a, prec.unwrap_or(6), true),
                    Some('g') => general(a, prec.unwrap_or(6), false, sp.alt),
                    Some('G') => general(a, prec.unwrap_or(6), true, sp.alt),
                    Some('%') => format!("{:.*}%", prec.unwrap_or(6), a * 100.0),
                    Some('n') => general(a, prec.unwrap_or(6), false, sp.alt),
                    None => match prec {
                        Some(p) => {
                            let g = general(a, p, false, sp.alt);
                            if g.contains(['.', 'e', 'n', 'i']) {
                                g
                            } else {
                                format!("{g}.0")
                            }
                        }
                        None => float_repr(a),
                    },
                    Some(t) => {
                        return Err(exc::value_error(format!(
                            "Unknown format code '{t}' for object of type 'float'"
                        )))
                    }
                }
            };
            let neg = neg && !f.is_nan();
            Ok(finish(body, neg, &sp, true, ""))
        }
        Value::Str(s) => {
            if let Some(t) = sp.ty {
                if t != 's' {
                    return Err(exc::value_error(format!(
                        "Unknown format code '{t}' for object of type 'str'"
                    )));
                }
            }
            if sp.sign.is_some() {
                return Err(exc::value_error(
                    "Sign not allowed in string format specifier",
                ));
            }
            let body: String = match sp.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            Ok(finish(body, false, &sp, false, ""))
        }
        other => {
            let s = vm.str(other)?;
            if sp.ty.is_some() || sp.precision.is_some() || sp.sign.is_some() {
                return Err(exc::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                )));
            }
            Ok(finish(s, false, &sp, false, ""))
        }
    }
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &mut Vm, s: &str, a: &Args) -> PyResult<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut auto = 0usize;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(exc::value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
                None => (head, None),
            };
            let end = name.find(['.', '[']).unwrap_or(name.len());
            let (first, rest) = name.split_at(end);
            let mut v = if first.is_empty() {
                let v = a.pos.get(auto).cloned().ok_or_else(|| {
                    exc::new(
                        "IndexError",
                        format!("Replacement index {auto} out of range for positional args tuple"),
                    )
                })?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                a.pos.get(n).cloned().ok_or_else(|| {
                    exc::new(
                        "IndexError",
                        format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                a.kw.iter()
                    .find(|(k, _)| &**k == first)
                    .map(|(_, v)| v.clone())
                    .ok_or_else(|| exc::key_error(&Value::str(first)))?
            };
            let mut r = rest;
            while !r.is_empty() {
                if let Some(x) = r.strip_prefix('.') {
                    let e = x.find(['.', '[']).unwrap_or(x.len());
                    v = vm.getattr(&v, &x[..e])?;
                    r = &x[e..];
                } else if let Some(x) = r.strip_prefix('[') {
                    let e = x.find(']').unwrap_or(x.len());
                    let key = &x[..e];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => Value::str(key),
                    };
                    v = super::ops::getitem(vm, &v, &k)?;
                    r = x.get(e + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let v = match conv {
                Some('r') | Some('a') => Value::str(&vm.repr(&v)?),
                Some('s') => Value::str(&vm.str(&v)?),
                _ => v,
            };
            let spec = if spec.contains('{') {
                str_format(vm, &spec, a)?
            } else {
                spec
            };
            out.push_str(&format_value(vm, &v, &spec)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(exc::value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// `fmt % args` (printf-style).
pub fn percent(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let items: Vec<Value> = match args {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    let dict = matches!(args, Value::Dict(_));
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut k = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if chars.get(i) == Some(&'(') {
            let e = chars[i..]
                .iter()
                .position(|c| *c == ')')
                .map(|p| p + i)
                .ok_or_else(|| exc::value_error("incomplete format key"))?;
            key = Some(chars[i + 1..e].iter().collect::<String>());
            i = e + 1;
        }
        let st = i;
        while i < chars.len() && !chars[i].is_ascii_alphabetic() && chars[i] != '%' {
            i += 1;
        }
        let flags: String = chars[st..i].iter().collect();
        let Some(&ty) = chars.get(i) else {
            return Err(exc::value_error("incomplete format"));
        };
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        let v = match (&key, dict) {
            (Some(kname), true) => super::ops::getitem(vm, args, &Value::str(kname))?,
            _ => {
                let v = items
                    .get(k)
                    .cloned()
                    .ok_or_else(|| exc::type_error("not enough arguments for format string"))?;
                k += 1;
                v
            }
        };
        let mut spec = flags.replace('-', "<");
        if flags.contains('-') {
            spec = format!("<{}", flags.replace('-', ""));
        }
        let s = match ty {
            's' | 'r' | 'a' => {
                let s = if ty == 's' { vm.str(&v)? } else { vm.repr(&v)? };
                let spec = if flags.contains('-') {
                    spec
                } else {
                    format!(">{flags}")
                };
                format_value(vm, &Value::str(&s), &spec)?
            }
            'd' | 'i' | 'u' => {
                let iv = match v {
                    Value::Float(f) => Value::Int(super::builtins::float_to_int(f)?),
                    other => other,
                };
                if !matches!(iv, Value::Int(_) | Value::Bool(_)) {
                    return Err(exc::type_error(format!(
                        "%{ty} format: a real number is required, not {}",
                        iv.type_name()
                    )));
                }
                format_value(vm, &iv, &format!("{spec}d"))?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' => {
                format_value(vm, &v, &format!("{spec}{ty}"))?
            }
            'c' => vm.str(&v)?,
            other => {
                return Err(exc::value_error(format!(
                    "unsupported format character '{other}' (0x{:x})",
                    other as u32
                )))
            }
        };
        out.push_str(&s);
    }
    if k < items.len() && !dict && !matches!(args, Value::Tuple(t) if t.is_empty()) {
        return Err(exc::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}
