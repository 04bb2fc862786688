//! `json`: `dumps`/`loads` (and `dump`/`load` on file objects) with CPython's
//! output format: `", "` and `": "` separators, `indent`, `sort_keys`,
//! `ensure_ascii`, `NaN`/`Infinity`, the same key coercions and errors.
//! Parsing is serde_json's, read straight into dialect values in document order.

use super::new_module;
use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyResult};
use crate::lang::repr::float_repr;
use crate::lang::value::{dict::new_dict, Class, HashKey, Value};
use arcstr::ArcStr;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

/// Nesting deeper than this is refused (CPython would hit its recursion limit).
const MAX_DEPTH: usize = 500;

fn decode_error_class() -> Arc<Class> {
    static C: OnceLock<Arc<Class>> = OnceLock::new();
    C.get_or_init(|| {
        Class::new(
            "JSONDecodeError",
            vec![exc::class("ValueError")],
            true,
            "json",
        )
    })
    .clone()
}

/// How `dumps` formats.
struct Style {
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    sort_keys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    skipkeys: bool,
    default: Option<Value>,
}

impl Style {
    fn from_args(a: &mut Args, fname: &str) -> PyResult<Style> {
        let flag = |v: Option<Value>, d: bool| v.map_or(d, |v| v.truthy_simple().unwrap_or(true));
        let indent = match a.take_kw("indent") {
            None | Some(Value::None) => None,
            Some(Value::Int(n)) => Some(" ".repeat(n.max(0) as usize)),
            Some(Value::Str(s)) => Some(s.to_string()),
            Some(v) => {
                return Err(exc::type_error(format!(
                    "indent must be an int or a str, not {}",
                    v.type_name()
                )))
            }
        };
        let (item_sep, key_sep) = match a.take_kw("separators") {
            None | Some(Value::None) => (
                if indent.is_some() { "," } else { ", " }.to_string(),
                ": ".to_string(),
            ),
            Some(Value::Tuple(t)) if t.len() == 2 => match (&t[0], &t[1]) {
                (Value::Str(i), Value::Str(k)) => (i.to_string(), k.to_string()),
                _ => return Err(exc::type_error("separators must be a (str, str) tuple")),
            },
            Some(_) => return Err(exc::type_error("separators must be a (str, str) tuple")),
        };
        let style = Style {
            indent,
            item_sep,
            key_sep,
            sort_keys: flag(a.take_kw("sort_keys"), false),
            ensure_ascii: flag(a.take_kw("ensure_ascii"), true),
            allow_nan: flag(a.take_kw("allow_nan"), true),
            skipkeys: flag(a.take_kw("skipkeys"), false),
            default: a.take_kw("default").filter(|v| !matches!(v, Value::None)),
        };
        // check_circular=False only skips a check; nesting is bounded either way.
        let _ = a.take_kw("check_circular");
        if a.take_kw("cls").is_some_and(|c| !matches!(c, Value::None)) {
            return Err(exc::new(
                "NotImplementedError",
                "custom encoder classes (cls=) are not supported by Tessera; pass default= instead",
            ));
        }
        a.check(fname, 1)?;
        Ok(style)
    }
}

fn float_text(f: f64, style: &Style) -> PyResult<String> {
    if f.is_finite() {
        return Ok(float_repr(f));
    }
    if !style.allow_nan {
        return Err(exc::value_error(
            "Out of range float values are not JSON compliant",
        ));
    }
    Ok(if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
    .into())
}

fn quote(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (ascii && (c as u32) > 0x7e) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{u:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn newline(style: &Style, depth: usize, out: &mut String) {
    if let Some(ind) = &style.indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(ind);
        }
    }
}

fn key_text(k: &Value, style: &Style) -> PyResult<Option<String>> {
    Ok(Some(match k {
        Value::Str(s) => s.to_string(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_text(*f, style)?,
        Value::None => "null".into(),
        _ if style.skipkeys => return Ok(None),
        other => {
            return Err(exc::type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                other.type_name()
            )))
        }
    }))
}

fn encode(vm: &mut Vm, v: &Value, style: &Style, depth: usize, out: &mut String) -> PyResult<()> {
    if depth > MAX_DEPTH {
        return Err(exc::value_error("Circular reference detected"));
    }
    match v {
        Value::None => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&float_text(*f, style)?),
        Value::Str(s) => quote(s, style.ensure_ascii, out),
        Value::List(_) | Value::Tuple(_) => {
            let items = match v {
                Value::List(l) => l.read().clone(),
                Value::Tuple(t) => t.to_vec(),
                _ => unreachable!("matched above"),
            };
            if items.is_empty() {
                out.push_str("[]");
                return Ok(());
            }
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&style.item_sep);
                }
                newline(style, depth + 1, out);
                encode(vm, x, style, depth + 1, out)?;
            }
            newline(style, depth, out);
            out.push(']');
        }
        Value::Dict(d) => {
            let mut entries: Vec<(String, Value)> = Vec::new();
            for (k, x) in d.read().values() {
                if let Some(key) = key_text(k, style)? {
                    entries.push((key, x.clone()));
                }
            }
            if style.sort_keys {
                entries.sort_by(|a, b| a.0.cmp(&b.0));
            }
            if entries.is_empty() {
                out.push_str("{}");
                return Ok(());
            }
            out.push('{');
            for (i, (k, x)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(&style.item_sep);
                }
                newline(style, depth + 1, out);
                quote(k, style.ensure_ascii, out);
                out.push_str(&style.key_sep);
                encode(vm, x, style, depth + 1, out)?;
            }
            newline(style, depth, out);
            out.push('}');
        }
        other => match &style.default {
            Some(f) => {
                let replaced = vm.call_value(f, Args::pos(vec![other.clone()]))?;
                encode(vm, &replaced, style, depth + 1, out)?;
            }
            None => {
                return Err(exc::type_error(format!(
                    "Object of type {} is not JSON serializable",
                    other.type_name()
                )))
            }
        },
    }
    Ok(())
}

/// Builds dialect values straight from the parser, keeping object key order.
struct Seed(usize);

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::None)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Int(i))
    }
    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        i64::try_from(u)
            .map(Value::Int)
            .map_err(|_| E::custom("integer does not fit in 64 bits"))
    }
    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Float(f))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom("nesting too deep"));
        }
        let mut v = Vec::new();
        while let Some(x) = seq.next_element_seed(Seed(self.0 + 1))? {
            v.push(x);
        }
        Ok(Value::list(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom("nesting too deep"));
        }
        let mut d = new_dict();
        while let Some(k) = map.next_key::<String>()? {
            let x = map.next_value_seed(Seed(self.0 + 1))?;
            let key = Value::str(&k);
            d.insert(HashKey::Str(ArcStr::from(k.as_str())), (key, x));
        }
        Ok(Value::dict(d))
    }
}

fn decode_error(text: &str, e: &serde_json::Error) -> Box<exc::PyErr> {
    let (line, col) = (e.line().max(1), e.column().max(1));
    let pos: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(|l| l.chars().count())
        .sum::<usize>()
        + col
        - 1;
    let full = e.to_string();
    let what = full.split(" at line ").next().unwrap_or(&full);
    // CPython's wording where serde_json's differs.
    let what = match what {
        "recursion limit exceeded" => {
            return exc::new(
                "RecursionError",
                "maximum recursion depth exceeded while decoding a JSON document \
                 (Tessera's limit: 128 levels of nesting)",
            )
        }
        "trailing characters" => "extra data",
        other => other,
    };
    let mut first = what.chars();
    let what: String = first
        .next()
        .map(|c| c.to_uppercase().chain(first).collect())
        .unwrap_or_default();
    let msg = format!("{what}: line {line} column {col} (char {pos})");
    exc::from_value(exc::instance(decode_error_class(), vec![Value::str(&msg)]))
}

fn parse(text: &str) -> PyResult<Value> {
    let mut d = serde_json::Deserializer::from_str(text);
    let v = Seed(0)
        .deserialize(&mut d)
        .and_then(|v| d.end().map(|()| v))
        .map_err(|e| decode_error(text, &e))?;
    Ok(v)
}

fn text_arg(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(exc::type_error(format!(
            "the JSON object must be str, bytes or bytearray, not {}",
            other.type_name()
        ))),
    }
}

fn dumps_value(vm: &mut Vm, a: &mut Args, fname: &str) -> PyResult<String> {
    let obj = a.arg(0, "obj").ok_or_else(|| {
        exc::type_error(format!(
            "{fname}() missing 1 required positional argument: 'obj'"
        ))
    })?;
    let style = Style::from_args(a, fname)?;
    let mut out = String::new();
    encode(vm, &obj, &style, 0, &mut out)?;
    Ok(out)
}

pub(super) fn build() -> Value {
    let m = new_module(
        "json",
        "JSON encoder and decoder (Python's output format; parsing by serde_json).",
    );
    m.set("JSONDecodeError", Value::Class(decode_error_class()));
    m.func(
        "dumps",
        "dumps(obj, *, skipkeys=False, ensure_ascii=True, allow_nan=True, indent=None, separators=None, default=None, sort_keys=False)",
        "Serialize obj to a JSON formatted str.",
        |vm, mut a| dumps_value(vm, &mut a, "dumps").map(|s| Value::str(&s)),
    );
    m.func(
        "dump",
        "dump(obj, fp, *, skipkeys=False, ensure_ascii=True, allow_nan=True, indent=None, separators=None, default=None, sort_keys=False)",
        "Serialize obj as a JSON formatted stream to fp (a file opened for writing).",
        |vm, mut a| {
            let fp = a
                .arg(1, "fp")
                .ok_or_else(|| exc::type_error("dump() missing 1 required positional argument: 'fp'"))?;
            if a.pos.len() > 1 {
                a.pos.remove(1);
            }
            let s = dumps_value(vm, &mut a, "dump")?;
            let write = vm.getattr(&fp, "write")?;
            vm.call_value(&write, Args::pos(vec![Value::str(&s)]))?;
            Ok(Value::None)
        },
    );
    m.func(
        "loads",
        "loads(s)",
        "Deserialize s (a str holding a JSON document) to a Python object.",
        |_vm, mut a| {
            let s = a.arg(0, "s").ok_or_else(|| {
                exc::type_error("loads() missing 1 required positional argument: 's'")
            })?;
            a.check("loads", 1)?;
            parse(&text_arg(&s)?)
        },
    );
    m.func(
        "load",
        "load(fp)",
        "Deserialize fp (a file opened for reading) to a Python object.",
        |vm, mut a| {
            let fp = a.arg(0, "fp").ok_or_else(|| {
                exc::type_error("load() missing 1 required positional argument: 'fp'")
            })?;
            a.check("load", 1)?;
            let read = vm.getattr(&fp, "read")?;
            let s = vm.call_value(&read, Args::pos(vec![]))?;
            parse(&text_arg(&s)?)
        },
    );
    Value::Module(m)
}
