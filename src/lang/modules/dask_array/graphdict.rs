//! `x.dask` / `x.__dask_graph__()`: the array's task graph as a dict, the way
//! Dask users count tasks (`len(x.__dask_graph__())`) or peek at keys. Every
//! block of every operation is one entry, before Tessera's compute-time
//! fusion (Dask's unoptimised graph): `('add-<token>', i, j): 'add'`.

use super::convert;
use crate::array::{lower, Array};
use crate::lang::exc::PyResult;
use crate::lang::value::dict::new_dict;
use crate::lang::value::{ArcStr, HashKey, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// The lowered (unfused) graph of `arrays` as `{key: operation}`.
pub fn graph_dict(arrays: &[Array]) -> PyResult<Value> {
    let g = lower::lower_plain(arrays).map_err(convert::array_error)?;
    let mut d = new_dict();
    d.reserve(g.len());
    // Every block of an operation shares one name (and every task of a kind
    // one label): each is copied into a str value once, not once per entry.
    let mut strs: HashMap<*const u8, ArcStr> = HashMap::new();
    let mut str_of = |s: &Arc<str>| {
        strs.entry(Arc::as_ptr(s) as *const u8)
            .or_insert_with(|| ArcStr::from(&**s))
            .clone()
    };
    for n in g.nodes() {
        let name = Value::Str(str_of(n.key.name_arc()));
        let k = if n.key.index().is_empty() {
            name
        } else {
            let mut parts = Vec::with_capacity(n.key.index().len() + 1);
            parts.push(name);
            parts.extend(n.key.index().iter().map(|&i| Value::Int(i as i64)));
            Value::tuple(parts)
        };
        let v = Value::Str(str_of(&n.task.name));
        let hk = HashKey::of(&k).expect("str and int keys hash");
        d.insert(hk, (k, v));
    }
    Ok(Value::dict(d))
}
