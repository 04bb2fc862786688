//! Simple classes (single/multiple inheritance by depth-first lookup) and their instances.
//! Built-in exception classes are `Class` values too, so `except` and subclassing are uniform.

use super::Value;
use arcstr::ArcStr;
use indexmap::IndexMap;
use parking_lot::RwLock;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A class object.
pub struct Class {
    /// `__name__`.
    pub name: ArcStr,
    /// Direct bases.
    pub bases: Vec<Arc<Class>>,
    /// Class attributes and methods.
    pub attrs: RwLock<IndexMap<ArcStr, Value>>,
    /// Whether this is a built-in exception class (or `object`).
    pub builtin: bool,
    /// Module shown in the repr (`__main__` for user classes).
    pub module: ArcStr,
}

impl Class {
    /// A new class.
    pub fn new(name: &str, bases: Vec<Arc<Class>>, builtin: bool, module: &str) -> Arc<Class> {
        Arc::new(Class {
            name: ArcStr::from(name),
            bases,
            attrs: RwLock::new(IndexMap::new()),
            builtin,
            module: ArcStr::from(module),
        })
    }

    /// Look an attribute up through the bases (depth-first, left to right).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.attrs.read().get(name) {
            return Some(v.clone());
        }
        for b in &self.bases {
            if let Some(v) = b.lookup(name) {
                return Some(v);
            }
        }
        None
    }

    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self: &Arc<Class>, other: &Arc<Class>) -> bool {
        Arc::ptr_eq(self, other) || self.bases.iter().any(|b| b.is_subclass(other))
    }

    /// Whether this class derives from `BaseException`.
    pub fn is_exception(&self) -> bool {
        &*self.name == "BaseException" || self.bases.iter().any(|b| b.is_exception())
    }

    /// All attribute names visible on the class (for completion and `dir`).
    pub fn all_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.attrs.read().keys().map(|k| k.to_string()).collect();
        for b in &self.bases {
            for n in b.all_names() {
                if !v.contains(&n) {
                    v.push(n);
                }
            }
        }
        v
    }
}

/// An instance of a class.
pub struct Instance {
    /// Its class.
    pub class: Arc<Class>,
    /// Instance attributes (`self.x = ...`).
    pub attrs: RwLock<FxHashMap<ArcStr, Value>>,
}

impl Instance {
    /// A new instance with no attributes.
    pub fn new(class: Arc<Class>) -> Arc<Instance> {
        Arc::new(Instance {
            class,
            attrs: RwLock::new(FxHashMap::default()),
        })
    }

    /// An instance attribute.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.attrs.read().get(name).cloned()
    }

    /// Set an instance attribute.
    pub fn set(&self, name: &str, v: Value) {
        self.attrs.write().insert(ArcStr::from(name), v);
    }
}
