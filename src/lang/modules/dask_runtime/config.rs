//! `dask.config`: process-wide settings, as in Dask (one kernel is one process).
//! Keys are normalised like Dask's (`_` ≡ `-`; `a__b=` keywords mean `a.b`), and
//! `set(...)` applies at once and undoes itself when used with `with`.

use crate::lang::eval::{Args, Vm};
use crate::lang::exc::{self, PyErr, PyResult};
use crate::lang::repr::repr_simple;
use crate::lang::value::{Object, Value};
use parking_lot::RwLock;
use std::any::Any;
use std::collections::BTreeMap;

static CONFIG: RwLock<BTreeMap<String, Value>> = RwLock::new(BTreeMap::new());

/// Dask's canonical spelling of a key: hyphens, dotted levels.
pub fn normalise(key: &str) -> String {
    key.replace("__", ".").replace('_', "-")
}

/// The current value of `key`, if set.
pub fn get(key: &str) -> Option<Value> {
    CONFIG.read().get(&normalise(key)).cloned()
}

/// Set several keys; returns the previous values so they can be restored.
pub fn set_many(pairs: Vec<(String, Value)>) -> Vec<(String, Option<Value>)> {
    let mut c = CONFIG.write();
    pairs
        .into_iter()
        .map(|(k, v)| {
            let k = normalise(&k);
            let old = c.insert(k.clone(), v);
            (k, old)
        })
        .collect()
}

/// Put back values saved by [`set_many`] (in reverse, so nested sets unwind correctly).
pub fn restore(saved: &[(String, Option<Value>)]) {
    let mut c = CONFIG.write();
    for (k, old) in saved.iter().rev() {
        match old {
            Some(v) => c.insert(k.clone(), v.clone()),
            None => c.remove(k),
        };
    }
}

/// What `dask.config.set(...)` returns: the change is already made; `with` undoes it on exit.
pub struct ConfigSet {
    saved: Vec<(String, Option<Value>)>,
}

impl Object for ConfigSet {
    fn type_name(&self) -> String {
        "set".into()
    }
    fn repr(&self) -> String {
        "<dask.config.set object>".into()
    }
    fn enter_returns_self(&self) -> bool {
        true
    }
    fn exit(&self, _vm: &mut Vm, _exc: Option<&PyErr>) -> PyResult<bool> {
        restore(&self.saved);
        Ok(false)
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `dask.config.set({'a.b': v}, key=value, ...)`.
pub fn set(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let mut pairs = Vec::new();
    for v in a.pos.drain(..) {
        match v {
            Value::Dict(d) => {
                for (k, val) in d.read().values() {
                    match k {
                        Value::Str(s) => pairs.push((s.to_string(), val.clone())),
                        other => {
                            return Err(exc::type_error(format!(
                                "config keys must be strings, not {}",
                                other.type_name()
                            )))
                        }
                    }
                }
            }
            other => {
                return Err(exc::type_error(format!(
                    "set() takes a dict of settings and keyword arguments, not {}",
                    other.type_name()
                )))
            }
        }
    }
    for (k, v) in a.kw.drain(..) {
        pairs.push((k.to_string(), v));
    }
    for (k, v) in &pairs {
        validate(&normalise(k), v)?;
    }
    Ok(Value::object(ConfigSet {
        saved: set_many(pairs),
    }))
}

/// Reject settings Tessera would otherwise only fail on later, at compute time.
fn validate(key: &str, v: &Value) -> PyResult<()> {
    match key {
        "scheduler" => match v {
            Value::Str(s) => super::scheduler::by_name(s, 0).map(|_| ()),
            Value::None => Ok(()),
            Value::Object(o) if super::client::as_client(o.as_any()).is_some() => Ok(()),
            other => Err(exc::type_error(format!(
                "scheduler must be a string, not {}",
                other.type_name()
            ))),
        },
        "num-workers" => match v {
            Value::Int(n) if *n >= 1 => Ok(()),
            Value::None => Ok(()),
            other => Err(exc::value_error(format!(
                "num_workers must be a positive integer, got {}",
                repr_simple(other)
            ))),
        },
        "array.memory-limit" => super::memory::limit_value(v).map(|_| ()),
        _ => Ok(()),
    }
}

/// `dask.config.get(key, default=...)`: KeyError for unset keys without a default.
pub fn get_fn(_vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let key = match a.arg(0, "key") {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(exc::type_error("get() requires a key string")),
    };
    let default = a.arg(1, "default");
    a.check("get", 2)?;
    match (get(&key), default) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(exc::key_error(&Value::str(&key))),
    }
}

/// Serialise tests that change the process-wide configuration.
#[cfg(test)]
pub fn test_lock() -> parking_lot::MutexGuard<'static, ()> {
    static L: parking_lot::Mutex<()> = parking_lot::Mutex::new(());
    L.lock()
}
