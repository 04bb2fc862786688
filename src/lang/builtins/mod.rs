//! The builtins namespace: one family per file, gathered into a table built once.

mod conv;
mod core;
pub mod descr;
mod file;
mod io;
mod seq;

use super::exc::{self, PyResult};
use super::value::Value;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

pub use conv::{float_to_int, make_dict as make_dict_pub, parse_float, parse_int};
pub use core::{dir_of, is_instance, len_of, type_of};
pub use io::{display_value, value_bundle};

type Table = FxHashMap<String, Value>;

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Table::default();
        core::register(&mut t);
        conv::register(&mut t);
        seq::register(&mut t);
        io::register(&mut t);
        descr::register(&mut t);
        file::register(&mut t);
        for c in exc::all_classes() {
            t.insert(c.name.to_string(), Value::Class(c));
        }
        t.insert("None".into(), Value::None);
        t.insert("NotImplemented".into(), Value::NotImplemented);
        t.insert("Ellipsis".into(), Value::Ellipsis);
        t
    })
}

/// A builtin by name.
#[inline]
pub fn lookup(name: &str) -> Option<Value> {
    table().get(name).cloned()
}

/// All builtin names, sorted.
pub fn names() -> Vec<String> {
    let mut v: Vec<String> = table().keys().cloned().collect();
    v.sort();
    v
}

/// Number of items in a range.
pub fn range_len(r: &[i64; 3]) -> i64 {
    let (a, b, s) = (r[0] as i128, r[1] as i128, r[2] as i128);
    let n = if s > 0 && a < b {
        (b - a + s - 1) / s
    } else if s < 0 && a > b {
        (a - b - s - 1) / (-s)
    } else {
        0
    };
    n as i64
}

/// An int argument or TypeError.
pub fn to_int(v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            other.type_name(),
        ))),
    }
}

/// A float argument (ints accepted) or TypeError.
pub fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        other => Err(exc::type_error(format!(
            "must be real number, not {}",
            other.type_name()
        ))),
    }
}

/// Insert a builtin function into a table.
pub(crate) fn add(
    t: &mut Table,
    name: &str,
    sig: &str,
    doc: &str,
    f: impl Fn(&mut super::eval::Vm, super::eval::Args) -> PyResult<Value> + Send + Sync + 'static,
) {
    t.insert(
        name.to_string(),
        super::value::Builtin::value(name, sig, doc, f),
    );
}

/// Insert a builtin type constructor into a table.
pub(crate) fn add_type(
    t: &mut Table,
    name: &str,
    sig: &str,
    doc: &str,
    f: impl Fn(&mut super::eval::Vm, super::eval::Args) -> PyResult<Value> + Send + Sync + 'static,
) {
    t.insert(
        name.to_string(),
        super::value::Builtin::type_value(name, sig, doc, f),
    );
}
