//! Hash keys and the insertion-ordered maps behind `dict` and `set`.

use super::Value;
use arcstr::ArcStr;
use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

/// A hashable projection of a value: equal Python keys give equal `HashKey`s
/// (`1`, `1.0` and `True` are the same key, as in CPython).
#[derive(Clone, Debug)]
pub enum HashKey {
    /// `None`.
    None,
    /// Ints, bools and integral floats.
    Int(i64),
    /// Non-integral floats, by bit pattern (`nan` keys compare by identity of bits).
    Float(u64),
    /// Strings.
    Str(ArcStr),
    /// Tuples of hashable values.
    Tuple(Vec<HashKey>),
    /// Objects hashed by identity (functions, classes, instances, modules).
    Id(usize),
    /// Library objects with their own key.
    Other(String),
}

impl PartialEq for HashKey {
    /// Int keys (the usual dict and set keys) compare inline, in the table probe.
    #[inline]
    fn eq(&self, other: &HashKey) -> bool {
        match (self, other) {
            (HashKey::Int(a), HashKey::Int(b)) => a == b,
            _ => self.eq_other(other),
        }
    }
}

impl Eq for HashKey {}

impl std::hash::Hash for HashKey {
    /// As `derive(Hash)` would: the variant's position, then its payload.
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        match self {
            HashKey::None => 0isize.hash(h),
            HashKey::Int(i) => {
                1isize.hash(h);
                i.hash(h)
            }
            HashKey::Float(b) => {
                2isize.hash(h);
                b.hash(h)
            }
            HashKey::Str(s) => {
                3isize.hash(h);
                s.hash(h)
            }
            HashKey::Tuple(t) => {
                4isize.hash(h);
                t.hash(h)
            }
            HashKey::Id(i) => {
                5isize.hash(h);
                i.hash(h)
            }
            HashKey::Other(s) => {
                6isize.hash(h);
                s.hash(h)
            }
        }
    }
}

impl HashKey {
    #[inline(never)]
    fn eq_other(&self, other: &HashKey) -> bool {
        match (self, other) {
            (HashKey::None, HashKey::None) => true,
            (HashKey::Int(a), HashKey::Int(b)) => a == b,
            (HashKey::Float(a), HashKey::Float(b)) => a == b,
            (HashKey::Str(a), HashKey::Str(b)) => a == b,
            (HashKey::Tuple(a), HashKey::Tuple(b)) => a == b,
            (HashKey::Id(a), HashKey::Id(b)) => a == b,
            (HashKey::Other(a), HashKey::Other(b)) => a == b,
            _ => false,
        }
    }

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

fn probe_insert(table: &mut [Option<usize>], mask: usize, idx: usize, h: u64) {
    let mut perturb = h;
    let mut i = (h as usize) & mask;
    loop {
        if table[i].is_none() {
            table[i] = Some(idx);
            return;
        }
        if i + 9 <= mask {
            for j in 1..=9 {
                if table[i + j].is_none() {
                    table[i + j] = Some(idx);
                    return;
                }
            }
        }
        perturb >>= 5;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// Iteration order CPython would give a set of ints inserted in this order (its
/// open-addressing table layout); `None` when a key is not an int (order then stays
/// insertion order: CPython's string hashes are randomised anyway).
pub fn cpython_set_order<'a>(keys: impl Iterator<Item = &'a HashKey>) -> Option<Vec<usize>> {
    let mut hashes = Vec::new();
    for k in keys {
        match k {
            HashKey::Int(i) => hashes.push(if *i == -1 { -2i64 } else { *i } as u64),
            _ => return None,
        }
    }
    let mut mask = 7usize;
    let mut table: Vec<Option<usize>> = vec![None; 8];
    let mut fill = 0usize;
    for idx in 0..hashes.len() {
        probe_insert(&mut table, mask, idx, hashes[idx]);
        fill += 1;
        if fill * 5 >= mask * 3 {
            let minused = if fill > 50000 { fill * 2 } else { fill * 4 };
            let mut size = 8usize;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            mask = size - 1;
            for k in old.into_iter().flatten() {
                probe_insert(&mut table, mask, k, hashes[k]);
            }
        }
    }
    Some(table.into_iter().flatten().collect())
}

/// The values of a set in CPython's iteration order (see `cpython_set_order`).
pub fn set_values(s: &SetMap) -> Vec<Value> {
    match cpython_set_order(s.keys()) {
        Some(order) => order.into_iter().map(|i| s[i].clone()).collect(),
        None => s.values().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_sets_iterate_like_cpython() {
        let keys: Vec<HashKey> = [9, 2, 3, 7].iter().map(|i| HashKey::Int(*i)).collect();
        let order = cpython_set_order(keys.iter()).expect("ints");
        let got: Vec<&HashKey> = order.iter().map(|i| &keys[*i]).collect();
        assert_eq!(got, vec![&keys[0], &keys[1], &keys[2], &keys[3]]);
        let keys: Vec<HashKey> = [100, 3, 50].iter().map(|i| HashKey::Int(*i)).collect();
        // {100, 3, 50} prints as {50, 3, 100} in CPython 3.11.
        let order = cpython_set_order(keys.iter()).expect("ints");
        assert_eq!(order, vec![2, 1, 0]);
    }
}
