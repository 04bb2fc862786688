//! `x.dask` / `x.__dask_graph__()`: the array's task graph as a dict, the way
//! Dask users count tasks (`len(x.__dask_graph__())`) or peek at keys. Every
//! block of every operation is one entry, before Tessera's compute-time
//! fusion (Dask's unoptimised graph): `('add-<token>', i, j): 'add'`.

use super::convert;
use crate::array::{lower, Array};
use crate::lang::exc::PyResult;
use crate::lang::value::dict::new_dict;
use crate::lang::value::{HashKey, Value};

/// The lowered (unfused) graph of `arrays` as `{key: operation}`.
pub fn graph_dict(arrays: &[Array]) -> PyResult<Value> {
    let g = lower::lower_plain(arrays).map_err(convert::array_error)?;
    let mut d = new_dict();
    d.reserve(g.len());
    for n in g.nodes() {
        // Names are shared with the graph's keys and tasks: no copy per entry.
        let name = Value::Str(n.key.name_arc().clone());
        let k = if n.key.index().is_empty() {
            name
        } else {
            let mut parts = Vec::with_capacity(n.key.index().len() + 1);
            parts.push(name);
            parts.extend(n.key.index().iter().map(|&i| Value::Int(i as i64)));
            Value::tuple(parts)
        };
        let v = Value::Str(n.task.name.clone());
        let hk = HashKey::of(&k).expect("str and int keys hash");
        d.insert(hk, (k, v));
    }
    Ok(Value::dict(d))
}
