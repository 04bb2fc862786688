//! `str` methods: searching, predicates and padding.

use super::strs::{add, char_index, need_str, pad, sub_range};
use super::Table;
use crate::lang::exc;
use crate::lang::value::Value;

/// Register the second half of the `str` method table.
pub(super) fn register(t: &mut Table) {
    add(
        t,
        "startswith",
        "(prefix[, start[, end]])",
        "Return True if the string starts with the specified prefix, False otherwise.",
        |_vm, s, a| {
            let (b, e) = sub_range(s, &a, 1)?;
            let sub = &s[b..e];
            Ok(Value::Bool(match a.pos.first() {
                Some(Value::Str(p)) => sub.starts_with(&**p),
                Some(Value::Tuple(ps)) => ps
                    .iter()
                    .any(|p| matches!(p, Value::Str(p) if sub.starts_with(&**p))),
                other => {
                    return Err(exc::type_error(format!(
                        "startswith first arg must be str or a tuple of str, not {}",
                        other.map(|o| o.type_name()).unwrap_or_default()
                    )))
                }
            }))
        },
    );
    add(
        t,
        "endswith",
        "(suffix[, start[, end]])",
        "Return True if the string ends with the specified suffix, False otherwise.",
        |_vm, s, a| {
            let (b, e) = sub_range(s, &a, 1)?;
            let sub = &s[b..e];
            Ok(Value::Bool(match a.pos.first() {
                Some(Value::Str(p)) => sub.ends_with(&**p),
                Some(Value::Tuple(ps)) => ps
                    .iter()
                    .any(|p| matches!(p, Value::Str(p) if sub.ends_with(&**p))),
                other => {
                    return Err(exc::type_error(format!(
                        "endswith first arg must be str or a tuple of str, not {}",
                        other.map(|o| o.type_name()).unwrap_or_default()
                    )))
                }
            }))
        },
    );
    add(
        t,
        "find",
        "(sub[, start[, end]])",
        "Return the lowest index in S where substring sub is found, or -1.",
        |_vm, s, a| {
            let sub = need_str(a.pos.first().cloned(), "find()")?;
            let (b, e) = sub_range(s, &a, 1)?;
            Ok(Value::Int(match s[b..e].find(&*sub) {
                Some(i) => char_index(s, b + i),
                None => -1,
            }))
        },
    );
    add(
        t,
        "rfind",
        "(sub[, start[, end]])",
        "Return the highest index in S where substring sub is found, or -1.",
        |_vm, s, a| {
            let sub = need_str(a.pos.first().cloned(), "rfind()")?;
            let (b, e) = sub_range(s, &a, 1)?;
            Ok(Value::Int(match s[b..e].rfind(&*sub) {
                Some(i) => char_index(s, b + i),
                None => -1,
            }))
        },
    );
    add(
        t,
        "index",
        "(sub[, start[, end]])",
        "Like find() but raise ValueError when the substring is not found.",
        |_vm, s, a| {
            let sub = need_str(a.pos.first().cloned(), "index()")?;
            let (b, e) = sub_range(s, &a, 1)?;
            match s[b..e].find(&*sub) {
                Some(i) => Ok(Value::Int(char_index(s, b + i))),
                None => Err(exc::value_error("substring not found")),
            }
        },
    );
    add(
        t,
        "count",
        "(sub[, start[, end]])",
        "Return the number of non-overlapping occurrences of substring sub.",
        |_vm, s, a| {
            let sub = need_str(a.pos.first().cloned(), "count()")?;
            let (b, e) = sub_range(s, &a, 1)?;
            let hay = &s[b..e];
            Ok(Value::Int(if sub.is_empty() {
                hay.chars().count() as i64 + 1
            } else {
                hay.matches(&*sub).count() as i64
            }))
        },
    );
    add(
        t,
        "partition",
        "(sep, /)",
        "Partition the string into three parts using the given separator.",
        |_vm, s, a| {
            let sep = need_str(a.pos.first().cloned(), "partition()")?;
            Ok(match s.find(&*sep) {
                Some(i) => Value::tuple(vec![
                    Value::str(&s[..i]),
                    Value::Str(sep.clone()),
                    Value::str(&s[i + sep.len()..]),
                ]),
                None => Value::tuple(vec![Value::str(s), Value::str(""), Value::str("")]),
            })
        },
    );
    add(
        t,
        "rpartition",
        "(sep, /)",
        "Partition the string into three parts, searching from the end.",
        |_vm, s, a| {
            let sep = need_str(a.pos.first().cloned(), "rpartition()")?;
            Ok(match s.rfind(&*sep) {
                Some(i) => Value::tuple(vec![
                    Value::str(&s[..i]),
                    Value::Str(sep.clone()),
                    Value::str(&s[i + sep.len()..]),
                ]),
                None => Value::tuple(vec![Value::str(""), Value::str(""), Value::str(s)]),
            })
        },
    );
    add(
        t,
        "isdigit",
        "()",
        "Return True if all characters are digits.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()),
            ))
        },
    );
    add(
        t,
        "isnumeric",
        "()",
        "Return True if all characters are numeric.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_numeric),
            ))
        },
    );
    add(
        t,
        "isdecimal",
        "()",
        "Return True if all characters are decimal.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()),
            ))
        },
    );
    add(
        t,
        "isalpha",
        "()",
        "Return True if all characters are alphabetic.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphabetic),
            ))
        },
    );
    add(
        t,
        "isalnum",
        "()",
        "Return True if all characters are alphanumeric.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_alphanumeric),
            ))
        },
    );
    add(
        t,
        "isspace",
        "()",
        "Return True if all characters are whitespace.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                !s.is_empty() && s.chars().all(char::is_whitespace),
            ))
        },
    );
    add(
        t,
        "isupper",
        "()",
        "Return True if the string is uppercase.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase),
            ))
        },
    );
    add(
        t,
        "islower",
        "()",
        "Return True if the string is lowercase.",
        |_vm, s, _a| {
            Ok(Value::Bool(
                s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase),
            ))
        },
    );
    add(
        t,
        "isidentifier",
        "()",
        "Return True if the string is a valid identifier.",
        |_vm, s, _a| {
            let mut c = s.chars();
            Ok(Value::Bool(
                matches!(c.next(), Some(f) if f == '_' || f.is_alphabetic())
                    && c.all(|x| x == '_' || x.is_alphanumeric()),
            ))
        },
    );
    add(
        t,
        "zfill",
        "(width, /)",
        "Pad a numeric string with zeros on the left.",
        |_vm, s, a| {
            let w = crate::lang::builtins::to_int(a.pos.first().unwrap_or(&Value::Int(0)), "")?
                as usize;
            let n = s.chars().count();
            if w <= n {
                return Ok(Value::str(s));
            }
            let (sign, rest) = if s.starts_with('-') || s.starts_with('+') {
                (&s[..1], &s[1..])
            } else {
                ("", s)
            };
            Ok(Value::str(&format!("{sign}{}{rest}", "0".repeat(w - n))))
        },
    );
    add(
        t,
        "center",
        "(width, fillchar=' ', /)",
        "Return a centered string of length width.",
        |vm, s, a| pad(vm, s, a, '^'),
    );
    add(
        t,
        "ljust",
        "(width, fillchar=' ', /)",
        "Return a left-justified string of length width.",
        |vm, s, a| pad(vm, s, a, '<'),
    );
    add(
        t,
        "rjust",
        "(width, fillchar=' ', /)",
        "Return a right-justified string of length width.",
        |vm, s, a| pad(vm, s, a, '>'),
    );
    add(
        t,
        "removeprefix",
        "(prefix, /)",
        "Return a str with the given prefix string removed if present.",
        |_vm, s, a| {
            let p = need_str(a.pos.first().cloned(), "removeprefix()")?;
            Ok(Value::str(s.strip_prefix(&*p).unwrap_or(s)))
        },
    );
    add(
        t,
        "removesuffix",
        "(suffix, /)",
        "Return a str with the given suffix string removed if present.",
        |_vm, s, a| {
            let p = need_str(a.pos.first().cloned(), "removesuffix()")?;
            Ok(Value::str(s.strip_suffix(&*p).unwrap_or(s)))
        },
    );
    add(
        t,
        "format",
        "(*args, **kwargs)",
        "Return a formatted version of the string, using substitutions from args and kwargs.",
        |vm, s, a| Ok(Value::str(&crate::lang::format::str_format(vm, s, &a)?)),
    );
    add(
        t,
        "expandtabs",
        "(tabsize=8)",
        "Return a copy where all tab characters are expanded using spaces.",
        |_vm, s, a| {
            let n = match a.pos.first() {
                Some(v) => crate::lang::builtins::to_int(v, "")?,
                None => 8,
            } as usize;
            let mut out = String::new();
            let mut col = 0;
            for c in s.chars() {
                match c {
                    '\t' => {
                        let k = if n == 0 { 0 } else { n - col % n };
                        out.push_str(&" ".repeat(k));
                        col += k;
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    _ => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            Ok(Value::str(&out))
        },
    );
    add(
        t,
        "encode",
        "(encoding='utf-8', errors='strict')",
        "Not supported: Tessera has no bytes type.",
        |_vm, _s, _a| {
            Err(exc::new(
                "NotImplementedError",
                "bytes are not supported by Tessera",
            ))
        },
    );
}
