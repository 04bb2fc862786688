//! Methods of built-in types (`str`, `list`, `dict`, `set`, `tuple`, `int`, `float`),
//! as native functions taking the receiver as their first positional argument.

mod containers;
mod dicts;
mod strs;
mod strs_more;

use super::exc::{self, PyResult};
use super::value::Value;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub use dicts::DictView;

type Table = FxHashMap<&'static str, Value>;

fn tables() -> &'static FxHashMap<&'static str, Table> {
    static T: OnceLock<FxHashMap<&'static str, Table>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = FxHashMap::default();
        m.insert("str", strs::table());
        m.insert("list", containers::list_table());
        m.insert("dict", dicts::dict_table());
        m.insert("set", dicts::set_table());
        m.insert("tuple", containers::tuple_table());
        m.insert("int", containers::int_table());
        m.insert("float", containers::float_table());
        m
    })
}

/// The method-table name of a built-in value (bools use `int`'s methods).
pub fn value_kind(v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::Str(_) => "str",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::Tuple(_) => "tuple",
        Value::Int(_) | Value::Bool(_) => "int",
        Value::Float(_) => "float",
        _ => return None,
    })
}

fn kind(v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::Str(_) => "str",
        Value::List(_) => "list",
        Value::Dict(_) => "dict",
        Value::Set(_) => "set",
        Value::Tuple(_) => "tuple",
        Value::Int(_) | Value::Bool(_) => "int",
        Value::Float(_) => "float",
        Value::Builtin(b) if b.is_type => return kind_by_name(&b.name),
        _ => return None,
    })
}

fn kind_by_name(n: &str) -> Option<&'static str> {
    ["str", "list", "dict", "set", "tuple", "int", "float"]
        .into_iter()
        .find(|k| *k == n)
}

/// The unbound method `name` of `v`'s type (e.g. `list.append`), if any.
pub fn lookup(v: &Value, name: &str) -> Option<Value> {
    static CACHE: OnceLock<[&'static Table; 7]> = OnceLock::new();
    let t = CACHE.get_or_init(|| {
        let ts = tables();
        ["str", "list", "dict", "set", "tuple", "int", "float"].map(|k| &ts[k])
    });
    let i = match kind(v)? {
        "str" => 0,
        "list" => 1,
        "dict" => 2,
        "set" => 3,
        "tuple" => 4,
        "int" => 5,
        _ => 6,
    };
    t[i].get(name).cloned()
}

/// Data attributes of built-in values (`slice.start`, `range.stop`, `x.real`).
pub fn property(v: &Value, name: &str) -> Option<Value> {
    match (v, name) {
        (Value::Slice(s), "start") => Some(s[0].clone()),
        (Value::Slice(s), "stop") => Some(s[1].clone()),
        (Value::Slice(s), "step") => Some(s[2].clone()),
        (Value::Range(r), "start") => Some(Value::Int(r[0])),
        (Value::Range(r), "stop") => Some(Value::Int(r[1])),
        (Value::Range(r), "step") => Some(Value::Int(r[2])),
        (Value::Int(_) | Value::Float(_), "real") => Some(v.clone()),
        (Value::Int(_), "imag") => Some(Value::Int(0)),
        (Value::Float(_), "imag") => Some(Value::Float(0.0)),
        (Value::Int(_), "numerator") => Some(v.clone()),
        (Value::Int(_), "denominator") => Some(Value::Int(1)),
        _ => None,
    }
}

/// Method names of a built-in value (for completion and `dir`).
pub fn names(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = match kind(v).and_then(|k| tables().get(k)) {
        Some(t) => t.keys().map(|k| k.to_string()).collect(),
        None => Vec::new(),
    };
    match v {
        Value::Slice(_) | Value::Range(_) => {
            out.extend(["start", "stop", "step"].iter().map(|s| s.to_string()))
        }
        Value::Int(_) | Value::Float(_) => {
            out.extend(["real", "imag"].iter().map(|s| s.to_string()))
        }
        _ => {}
    }
    out.sort();
    out
}

/// The receiver argument of a method call, or TypeError.
pub(crate) fn recv(a: &super::eval::Args, what: &str) -> PyResult<()> {
    a.pos
        .first()
        .map(|_| ())
        .ok_or_else(|| exc::type_error(format!("descriptor '{what}' needs an argument")))
}
