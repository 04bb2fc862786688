//! Hash keys and the insertion-ordered maps behind `dict` and `set`.

use super::Value;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;
use std::sync::Arc;

/// A hashable projection of a value: equal Python keys give equal `HashKey`s
/// (`1`, `1.0` and `True` are the same key, as in CPython).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    /// `None`.
    None,
    /// Ints, bools and integral floats.
    Int(i64),
    /// Non-integral floats, by bit pattern (`nan` keys compare by identity of bits).
    Float(u64),
    /// Strings.
    Str(Arc<str>),
    /// Tuples of hashable values.
    Tuple(Vec<HashKey>),
    /// Objects hashed by identity (functions, classes, instances, modules).
    Id(usize),
    /// Library objects with their own key.
    Other(String),
}

impl HashKey {
    /// The key of `v`, or `None` when `v` is unhashable (list, dict, set).
    pub fn of(v: &Value) -> Option<HashKey> {
        Some(match v {
            Value::None => HashKey::None,
            Value::Bool(b) => HashKey::Int(*b as i64),
            Value::Int(i) => HashKey::Int(*i),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    HashKey::Int(*f as i64)
                } else {
                    HashKey::Float(f.to_bits())
                }
            }
            Value::Str(s) => HashKey::Str(s.clone()),
            Value::Tuple(t) => {
                let mut ks = Vec::with_capacity(t.len());
                for x in t.iter() {
                    ks.push(HashKey::of(x)?);
                }
                HashKey::Tuple(ks)
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => return None,
            Value::Object(o) => HashKey::Other(o.hash_key()?),
            Value::Range(r) => HashKey::Tuple(vec![
                HashKey::Other("range".into()),
                HashKey::Int(r[0]),
                HashKey::Int(r[1]),
                HashKey::Int(r[2]),
            ]),
            Value::Ellipsis => HashKey::Other("...".into()),
            Value::NotImplemented => HashKey::Other("NotImplemented".into()),
            other => HashKey::Id(other.ptr_id().unwrap_or(0)),
        })
    }

    /// CPython-like `hash()` value for ints/strs/tuples (strs are not randomised here).
    pub fn hash_value(&self) -> i64 {
        use std::hash::BuildHasher;
        match self {
            HashKey::Int(i) => {
                if *i == -1 {
                    -2
                } else {
                    *i
                }
            }
            HashKey::None => 0x1000_0000,
            other => (FxBuildHasher.hash_one(other) >> 1) as i64,
        }
    }
}

/// The storage of a dict: key → (original key value, value), in insertion order.
pub type DictMap = IndexMap<HashKey, (Value, Value), FxBuildHasher>;

/// The storage of a set: key → original value, in insertion order.
pub type SetMap = IndexMap<HashKey, Value, FxBuildHasher>;

/// An empty dict map.
pub fn new_dict() -> DictMap {
    DictMap::with_hasher(FxBuildHasher)
}

/// An empty set map.
pub fn new_set() -> SetMap {
    SetMap::with_hasher(FxBuildHasher)
}
