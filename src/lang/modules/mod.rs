//! The module registry: what `import` can see. Built-in modules register here at
//! first use; other layers (arrays, delayed, ...) add theirs with `register_module`.

pub mod collections;
mod dask_array;
mod dask_bag;
mod dask_delayed;
mod dask_runtime;
mod functional;
mod ipython;
mod itertools;
mod json;
mod math;
pub mod matplotlib;
mod osmod;
mod random;
mod time;

use super::exc::{self, PyResult};
use super::value::{Module, Value};
use parking_lot::RwLock;
use rustc_hash::FxHashMap;
use std::sync::{Arc, OnceLock};

/// Builds a module value on first import.
pub type ModuleBuilder = Arc<dyn Fn() -> Value + Send + Sync>;

enum Entry {
    Builder(ModuleBuilder),
    Built(Value),
}

fn registry() -> &'static RwLock<FxHashMap<String, Entry>> {
    static R: OnceLock<RwLock<FxHashMap<String, Entry>>> = OnceLock::new();
    R.get_or_init(|| {
        let mut m: FxHashMap<String, Entry> = FxHashMap::default();
        type Builder = (&'static str, fn() -> Value);
        let builtin: Vec<Builder> = vec![
            ("time", time::build),
            ("math", math::build),
            ("IPython", ipython::ipython),
            ("IPython.display", ipython::ipython_display),
            ("operator", functional::operator),
            ("functools", functional::functools),
            ("itertools", itertools::itertools),
            ("os", osmod::os),
            ("os.path", osmod::os_path),
            ("random", random::random),
            ("glob", osmod::glob),
            ("json", json::build),
            ("sys", ipython::sys),
            ("collections", collections::build),
            ("collections.abc", collections::abc),
            ("dask", dask_array::dask),
            ("dask.array", dask_array::dask_array),
            ("dask.array.overlap", dask_array::overlap_module),
            ("dask.bag", dask_bag::build),
            ("numpy", dask_array::numpy_module),
            ("zarr", dask_array::zarr_module),
            ("h5py", dask_array::h5py_module),
            ("dask.config", dask_runtime::config_module),
            ("dask.distributed", dask_runtime::distributed_module),
            ("distributed", dask_runtime::distributed_module),
            ("dask.diagnostics", dask_runtime::diagnostics_module),
            ("matplotlib", matplotlib::matplotlib),
            ("matplotlib.pyplot", matplotlib::pyplot),
        ];
        for (n, b) in builtin {
            m.insert(n.to_string(), Entry::Builder(Arc::new(b)));
        }
        RwLock::new(m)
    })
}

/// Make `import name` (dotted names allowed) available in every interpreter.
/// The builder runs once, at the first import; re-registering replaces the module.
pub fn register_module(name: &str, builder: impl Fn() -> Value + Send + Sync + 'static) {
    registry()
        .write()
        .insert(name.to_string(), Entry::Builder(Arc::new(builder)));
}

/// Names of all importable modules, sorted.
pub fn module_names() -> Vec<String> {
    let mut v: Vec<String> = registry().read().keys().cloned().collect();
    v.sort();
    v
}

fn load(name: &str) -> Option<Value> {
    let builder = match registry().read().get(name)? {
        Entry::Built(v) => return Some(v.clone()),
        Entry::Builder(b) => b.clone(),
    };
    let v = builder();
    registry()
        .write()
        .insert(name.to_string(), Entry::Built(v.clone()));
    Some(v)
}

/// Import a dotted module path, binding submodules as attributes of their parents.
pub fn import(path: &str) -> PyResult<Value> {
    let mut cur: Option<Value> = None;
    let mut prefix = String::new();
    for part in path.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        let existing = match &cur {
            Some(Value::Module(p)) => match p.get(part) {
                Some(v @ Value::Module(_)) => Some(v),
                _ => None,
            },
            _ => None,
        };
        let m = match existing.or_else(|| load(&prefix)) {
            Some(m) => m,
            None => {
                // A registered attribute that is itself a module (e.g. `os.path`).
                match &cur {
                    Some(Value::Module(p)) if p.get(part).is_some() => {
                        p.get(part).unwrap_or(Value::None)
                    }
                    _ => {
                        return Err(exc::new(
                            "ModuleNotFoundError",
                            format!("No module named '{prefix}'"),
                        ))
                    }
                }
            }
        };
        if let Some(Value::Module(parent)) = &cur {
            if parent.get(part).is_none() {
                parent.set(part, m.clone());
            }
        }
        cur = Some(m);
    }
    cur.ok_or_else(|| exc::new("ModuleNotFoundError", "No module named ''"))
}

/// A fresh module value.
pub fn new_module(name: &str, doc: &str) -> Arc<Module> {
    Arc::new(Module::new(name, doc))
}
