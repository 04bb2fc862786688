//! Kernel services over the parser and the globals: inspection text, completion and
//! `is_complete`.

use super::builtins;
use super::modules;
use super::value::{Globals, Value};
use super::{Completion, IsComplete};

/// Signature + docstring + type text for a value (used by `inspect_request` and `help`).
pub fn describe(v: &Value, _detail: u8) -> String {
    let (sig, doc) = match v {
        Value::Func(f) => (
            format!("{}{}", f.code.name, f.code.sig),
            f.code.doc.as_deref().unwrap_or("").to_string(),
        ),
        Value::Builtin(b) => (b.sig.to_string(), b.doc.to_string()),
        Value::Method(m) => return describe(&m.1, _detail),
        Value::Class(c) => {
            let init = c
                .lookup("__init__")
                .and_then(|i| match i {
                    Value::Func(f) => Some(
                        f.code
                            .sig
                            .replacen("(self, ", "(", 1)
                            .replacen("(self)", "()", 1),
                    ),
                    _ => None,
                })
                .unwrap_or_else(|| "()".into());
            let doc = match c.lookup("__doc__") {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            (format!("{}{init}", c.name), doc)
        }
        Value::Module(m) => (String::new(), m.doc.to_string()),
        _ => (String::new(), String::new()),
    };
    let mut out = String::new();
    if !sig.is_empty() {
        out.push_str(&format!("Signature: {sig}\n"));
    }
    if !doc.is_empty() {
        out.push_str(&format!("Docstring: {doc}\n"));
    } else if matches!(v, Value::Func(_)) {
        out.push_str("Docstring: <no docstring>\n");
    }
    if !matches!(
        v,
        Value::Func(_) | Value::Builtin(_) | Value::Class(_) | Value::Module(_) | Value::Method(_)
    ) {
        out.push_str(&format!("String form: {}\n", super::repr::repr_simple(v)));
    }
    out.push_str(&format!("Type:      {}", v.type_name()));
    out
}

/// Python keywords, for completion.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
];

/// Completion type label of a value, like IPython's jedi types.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) => "function",
        Value::Module(_) => "module",
        Value::Class(_) => "class",
        _ => "instance",
    }
}

/// Resolve a dotted expression like `os.path` against globals and builtins.
pub fn resolve_dotted(globals: &Globals, path: &str) -> Option<Value> {
    let mut parts = path.split('.');
    let first = parts.next()?;
    let mut v = globals.get(first).or_else(|| builtins::lookup(first))?;
    for p in parts {
        v = attr_no_vm(&v, p)?;
    }
    Some(v)
}

fn attr_no_vm(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Module(m) => m.get(name),
        Value::Class(c) => c.lookup(name),
        Value::Instance(i) => i.get(name).or_else(|| i.class.lookup(name)),
        other => super::methods::lookup(other, name),
    }
}

fn attr_names(v: &Value) -> Vec<String> {
    builtins::dir_of(v)
}

/// Completions at `cursor` (code points) in `code`.
pub fn complete(globals: &Globals, code: &str, cursor: usize) -> Completion {
    let chars: Vec<char> = code.chars().collect();
    let cursor = cursor.min(chars.len());
    let mut start = cursor;
    while start > 0
        && (chars[start - 1].is_alphanumeric()
            || chars[start - 1] == '_'
            || chars[start - 1] == '.')
    {
        start -= 1;
    }
    let token: String = chars[start..cursor].iter().collect();
    let mut types: Vec<(String, String)> = Vec::new();
    let word_start;
    if let Some(dot) = token.rfind('.') {
        let base = &token[..dot];
        let prefix = &token[dot + 1..];
        word_start = start + token[..dot + 1].chars().count();
        let base_v = resolve_dotted(globals, base).or_else(|| {
            if token.starts_with("import ") {
                None
            } else {
                modules::import(base).ok()
            }
        });
        let line_start: String = chars[..start].iter().collect();
        let is_import = line_start.trim_end().ends_with("import")
            || line_start.trim_start().starts_with("from");
        if is_import {
            for m in modules::module_names() {
                if let Some(rest) = m.strip_prefix(&format!("{base}.")) {
                    if rest.starts_with(prefix) && !rest.contains('.') {
                        types.push((rest.to_string(), "module".into()));
                    }
                }
            }
        }
        if let Some(bv) = base_v {
            for n in attr_names(&bv) {
                if n.starts_with(prefix) && (!n.starts_with('_') || prefix.starts_with('_')) {
                    let k = attr_no_vm(&bv, &n)
                        .map(|x| kind_of(&x))
                        .unwrap_or("instance");
                    types.push((n, k.into()));
                }
            }
        }
    } else {
        word_start = start;
        let line_start: String = chars[..start].iter().collect();
        let lt = line_start.trim_end();
        if lt.ends_with("import") && !lt.contains(" import")
            || lt.trim_start().starts_with("from") && !lt.contains(" import")
        {
            for m in modules::module_names() {
                if m.starts_with(&token) && !m.contains('.') {
                    types.push((m, "module".into()));
                }
            }
        } else {
            for n in globals.names() {
                if n.starts_with(&token) {
                    let k = globals.get(&n).map(|v| kind_of(&v)).unwrap_or("instance");
                    types.push((n, k.into()));
                }
            }
            for n in builtins::names() {
                if n.starts_with(&token) && !types.iter().any(|(x, _)| *x == n) {
                    let k = builtins::lookup(&n)
                        .map(|v| kind_of(&v))
                        .unwrap_or("instance");
                    types.push((n, k.into()));
                }
            }
            for k in KEYWORDS {
                if k.starts_with(&token) && !types.iter().any(|(x, _)| x == k) {
                    types.push((k.to_string(), "keyword".into()));
                }
            }
        }
    }
    types.sort_by(|a, b| {
        a.0.to_lowercase()
            .cmp(&b.0.to_lowercase())
            .then(a.0.cmp(&b.0))
    });
    types.dedup_by(|a, b| a.0 == b.0);
    Completion {
        matches: types.iter().map(|(n, _)| n.clone()).collect(),
        start: word_start,
        end: cursor,
        types,
    }
}

/// Inspection text for the dotted name at or before `cursor`.
pub fn inspect(globals: &Globals, code: &str, cursor: usize, detail: u8) -> Option<String> {
    let chars: Vec<char> = code.chars().collect();
    let cursor = cursor.min(chars.len());
    let is_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let mut end = cursor;
    while end < chars.len() && (chars[end].is_alphanumeric() || chars[end] == '_') {
        end += 1;
    }
    let mut start = cursor.min(end);
    // `f(|` → inspect `f`.
    if start > 0 && start == end && chars[start - 1] == '(' {
        end = start - 1;
        start = end;
    }
    while start > 0 && is_name(chars[start - 1]) {
        start -= 1;
    }
    let name: String = chars[start..end].iter().collect();
    let name = name.trim_matches('.');
    if name.is_empty() {
        return None;
    }
    let v = resolve_dotted(globals, name).or_else(|| modules::import(name).ok())?;
    Some(describe(&v, detail))
}

/// `is_complete` from the parser: incomplete input ends inside a block or bracket.
pub fn is_complete(code: &str) -> IsComplete {
    if code.trim().is_empty() {
        return IsComplete::Complete;
    }
    let parsed = ruff_python_parser::parse_module(code);
    let last_line = code.lines().last().unwrap_or("");
    let indent: String = last_line
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    match parsed {
        Ok(_) => {
            if !indent.is_empty() && !code.ends_with('\n') {
                IsComplete::Incomplete(indent)
            } else {
                IsComplete::Complete
            }
        }
        Err(e) => {
            let msg = e.error.to_string();
            let trimmed = code.trim_end();
            if trimmed.ends_with(':') {
                return IsComplete::Incomplete(format!("{indent}    "));
            }
            if code.matches("\"\"\"").count() % 2 == 1 || code.matches("'''").count() % 2 == 1 {
                return IsComplete::Incomplete(String::new());
            }
            if trimmed.ends_with('\\') {
                return IsComplete::Incomplete(indent);
            }
            let opens = bracket_depth(code);
            if opens > 0
                || msg.contains("unterminated triple-quoted")
                || msg.contains("Unexpected EOF")
                || msg.contains("unexpected EOF")
            {
                return IsComplete::Incomplete(if opens > 0 { String::new() } else { indent });
            }
            if msg.contains("Expected an indented block") {
                return IsComplete::Incomplete(format!("{indent}    "));
            }
            IsComplete::Invalid
        }
    }
}

fn bracket_depth(code: &str) -> i32 {
    let mut depth = 0;
    let mut in_str: Option<char> = None;
    let mut prev = ' ';
    for c in code.chars() {
        match in_str {
            Some(q) => {
                if c == q && prev != '\\' {
                    in_str = None;
                }
            }
            None => match c {
                '\'' | '"' => in_str = Some(c),
                '#' => {}
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                _ => {}
            },
        }
        prev = c;
    }
    depth
}
