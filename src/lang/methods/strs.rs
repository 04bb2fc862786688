//! `str` methods.

use super::Table;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::value::{Builtin, Value};
use arcstr::ArcStr;

type StrFn = fn(&mut Vm, &str, Args) -> PyResult<Value>;

pub(super) fn add(t: &mut Table, name: &'static str, sig: &str, doc: &str, f: StrFn) {
    t.insert(
        name,
        Builtin::value(name, &format!("str.{name}{sig}"), doc, move |vm, mut a| {
            if a.pos.is_empty() {
                return Err(exc::type_error(format!(
                    "unbound method str.{name}() needs an argument"
                )));
            }
            let s = match a.pos.remove(0) {
                Value::Str(s) => s,
                other => {
                    return Err(exc::type_error(format!(
                        "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                        other.type_name()
                    )))
                }
            };
            f(vm, &s, a)
        }),
    );
}

pub(super) fn opt_str(v: Option<Value>) -> PyResult<Option<ArcStr>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(o) => Err(exc::type_error(format!(
            "must be str or None, not {}",
            o.type_name()
        ))),
    }
}

pub(super) fn need_str(v: Option<Value>, what: &str) -> PyResult<ArcStr> {
    match v {
        Some(Value::Str(s)) => Ok(s),
        Some(o) => Err(exc::type_error(format!(
            "{what} arg must be None or str, not {}",
            o.type_name()
        ))),
        None => Err(exc::type_error(format!("{what} missing required argument"))),
    }
}

pub(super) fn strs(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(|s| Value::str(&s)).collect())
}

pub(super) fn split(s: &str, sep: Option<&str>, max: i64, right: bool) -> PyResult<Vec<String>> {
    let max = if max < 0 { usize::MAX } else { max as usize };
    Ok(match sep {
        None => {
            let words: Vec<&str> = s.split_whitespace().collect();
            if max >= words.len() {
                words.into_iter().map(str::to_string).collect()
            } else if !right {
                let mut out: Vec<String> = Vec::new();
                let mut rest = s.trim_start();
                for _ in 0..max {
                    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    out.push(rest[..end].to_string());
                    rest = rest[end..].trim_start();
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            } else {
                let mut out: Vec<String> = Vec::new();
                let mut rest = s.trim_end();
                for _ in 0..max {
                    let start = rest.rfind(char::is_whitespace).map(|i| i + 1).unwrap_or(0);
                    out.push(rest[start..].to_string());
                    rest = rest[..start].trim_end();
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out.reverse();
                out
            }
        }
        Some("") => return Err(exc::value_error("empty separator")),
        Some(sep) => {
            if right {
                let mut v: Vec<String> = s
                    .rsplitn(max.saturating_add(1), sep)
                    .map(str::to_string)
                    .collect();
                v.reverse();
                v
            } else {
                s.splitn(max.saturating_add(1), sep)
                    .map(str::to_string)
                    .collect()
            }
        }
    })
}

pub(super) fn char_index(s: &str, byte: usize) -> i64 {
    s[..byte].chars().count() as i64
}

pub(super) fn sub_range(s: &str, a: &Args, from: usize) -> PyResult<(usize, usize)> {
    let n = s.chars().count() as i64;
    let norm = |v: Option<&Value>, def: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(def),
            Some(v) => {
                let mut i = crate::lang::builtins::to_int(v, "")?;
                if i < 0 {
                    i = (i + n).max(0);
                }
                Ok(i.min(n))
            }
        }
    };
    let st = norm(a.pos.get(from), 0)? as usize;
    let en = norm(a.pos.get(from + 1), n)? as usize;
    let b = |ci: usize| s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len());
    Ok((b(st), b(en.max(st))))
}

pub(super) fn pad(vm: &mut Vm, s: &str, mut a: Args, how: char) -> PyResult<Value> {
    let w = crate::lang::builtins::to_int(&a.pos.first().cloned().unwrap_or(Value::Int(0)), "")?;
    let fill = match a.arg(1, "fillchar") {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(exc::type_error(
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    let _ = vm;
    let n = s.chars().count() as i64;
    if w <= n {
        return Ok(Value::str(s));
    }
    let total = (w - n) as usize;
    let (l, r) = match how {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            let l = total / 2 + (total & w as usize & 1);
            (l, total - l)
        }
    };
    let f = fill.to_string();
    Ok(Value::str(&format!("{}{s}{}", f.repeat(l), f.repeat(r))))
}

pub(super) fn table() -> Table {
    let mut t = Table::default();
    add(
        &mut t,
        "split",
        "(sep=None, maxsplit=-1)",
        "Return a list of the substrings in the string, using sep as the separator string.",
        |_vm, s, mut a| {
            let sep = opt_str(a.arg(0, "sep"))?;
            let max = match a.arg(1, "maxsplit") {
                Some(v) => crate::lang::builtins::to_int(&v, "")?,
                None => -1,
            };
            Ok(strs(split(s, sep.as_deref(), max, false)?))
        },
    );
    add(
        &mut t,
        "rsplit",
        "(sep=None, maxsplit=-1)",
        "Return a list of the substrings in the string, splitting from the right.",
        |_vm, s, mut a| {
            let sep = opt_str(a.arg(0, "sep"))?;
            let max = match a.arg(1, "maxsplit") {
                Some(v) => crate::lang::builtins::to_int(&v, "")?,
                None => -1,
            };
            Ok(strs(split(s, sep.as_deref(), max, true)?))
        },
    );
    add(
        &mut t,
        "splitlines",
        "(keepends=False)",
        "Return a list of the lines in the string, breaking at line boundaries.",
        |vm, s, mut a| {
            let keep = match a.arg(0, "keepends") {
                Some(v) => vm.truthy(&v)?,
                None => false,
            };
            let mut out = Vec::new();
            let mut cur = String::new();
            let mut it = s.chars().peekable();
            while let Some(c) = it.next() {
                if c == '\n' || c == '\r' {
                    let mut end = c.to_string();
                    if c == '\r' && it.peek() == Some(&'\n') {
                        it.next();
                        end.push('\n');
                    }
                    if keep {
                        cur.push_str(&end);
                    }
                    out.push(std::mem::take(&mut cur));
                } else {
                    cur.push(c);
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            Ok(strs(out))
        },
    );
    add(
        &mut t,
        "join",
        "(iterable, /)",
        "Concatenate any number of strings.",
        |vm, s, a| {
            let items = vm.iterate(a.pos.first().unwrap_or(&Value::None))?;
            let mut parts = Vec::with_capacity(items.len());
            for (i, x) in items.iter().enumerate() {
                match x {
                    Value::Str(p) => parts.push(p.to_string()),
                    other => {
                        return Err(exc::type_error(format!(
                            "sequence item {i}: expected str instance, {} found",
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::str(&parts.join(s)))
        },
    );
    for (name, which) in [("strip", 0u8), ("lstrip", 1), ("rstrip", 2)] {
        let f: StrFn = match which {
            0 => |_vm, s, mut a| {
                let c = opt_str(a.arg(0, "chars"))?;
                Ok(Value::str(match &c {
                    None => s.trim(),
                    Some(c) => s.trim_matches(|x| c.contains(x)),
                }))
            },
            1 => |_vm, s, mut a| {
                let c = opt_str(a.arg(0, "chars"))?;
                Ok(Value::str(match &c {
                    None => s.trim_start(),
                    Some(c) => s.trim_start_matches(|x| c.contains(x)),
                }))
            },
            _ => |_vm, s, mut a| {
                let c = opt_str(a.arg(0, "chars"))?;
                Ok(Value::str(match &c {
                    None => s.trim_end(),
                    Some(c) => s.trim_end_matches(|x| c.contains(x)),
                }))
            },
        };
        add(
            &mut t,
            name,
            "(chars=None, /)",
            "Return a copy of the string with leading/trailing whitespace (or chars) removed.",
            f,
        );
    }
    add(
        &mut t,
        "upper",
        "()",
        "Return a copy of the string converted to uppercase.",
        |_vm, s, _a| Ok(Value::str(&s.to_uppercase())),
    );
    add(
        &mut t,
        "lower",
        "()",
        "Return a copy of the string converted to lowercase.",
        |_vm, s, _a| Ok(Value::str(&s.to_lowercase())),
    );
    add(
        &mut t,
        "casefold",
        "()",
        "Return a version of the string suitable for caseless comparisons.",
        |_vm, s, _a| Ok(Value::str(&s.to_lowercase())),
    );
    add(
        &mut t,
        "swapcase",
        "()",
        "Convert uppercase characters to lowercase and lowercase characters to uppercase.",
        |_vm, s, _a| {
            Ok(Value::str(
                &s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<String>()
                        } else {
                            c.to_uppercase().collect()
                        }
                    })
                    .collect::<String>(),
            ))
        },
    );
    add(
        &mut t,
        "title",
        "()",
        "Return a version of the string where each word is titlecased.",
        |_vm, s, _a| {
            let mut out = String::new();
            let mut prev = false;
            for c in s.chars() {
                if c.is_alphabetic() {
                    if prev {
                        out.extend(c.to_lowercase())
                    } else {
                        out.extend(c.to_uppercase())
                    }
                    prev = true;
                } else {
                    out.push(c);
                    prev = false;
                }
            }
            Ok(Value::str(&out))
        },
    );
    add(
        &mut t,
        "capitalize",
        "()",
        "Return a capitalized version of the string.",
        |_vm, s, _a| {
            let mut c = s.chars();
            Ok(Value::str(&match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }))
        },
    );
    add(
        &mut t,
        "replace",
        "(old, new, count=-1, /)",
        "Return a copy with all occurrences of substring old replaced by new.",
        |_vm, s, a| {
            let old = need_str(a.pos.first().cloned(), "replace()")?;
            let new = need_str(a.pos.get(1).cloned(), "replace()")?;
            let count = match a.pos.get(2) {
                Some(v) => crate::lang::builtins::to_int(v, "")?,
                None => -1,
            };
            Ok(Value::str(&if count < 0 {
                s.replace(&*old, &new)
            } else {
                s.replacen(&*old, &new, count as usize)
            }))
        },
    );
    super::strs_more::register(&mut t);
    t
}
